package dev.chaosharness.core.history;

/** A bad line found by the parser: the field at fault (or null) and what is wrong. */
final class LineProblem extends Exception {

  private static final long serialVersionUID = 1L;

  final String field;

  LineProblem(String field, String problem) {
    this(field, problem, null);
  }

  LineProblem(String field, String problem, Throwable cause) {
    super(problem, cause, false, false);
    this.field = field;
  }
}
