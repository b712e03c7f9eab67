package dev.chaosharness.core.check;

/** An invalid saga specification: the field path at fault and what is wrong with it. */
final class SpecProblem extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  final String field;
  final String problem;

  SpecProblem(String field, String problem) {
    super("saga spec field '" + field + "': " + problem);
    this.field = field;
    this.problem = problem;
  }
}
