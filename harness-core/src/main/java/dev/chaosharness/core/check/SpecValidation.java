package dev.chaosharness.core.check;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The consistency rules of a saga specification; each broken rule names its field path. */
final class SpecValidation {

  private SpecValidation() {}

  static void validate(List<String> start, Map<String, List<String>> follows, List<String> terminal,
      List<String> effectsOnce, Map<String, List<String>> compensations) {
    notEmpty(start, "start");
    distinct(start, "start");
    Set<String> known = new LinkedHashSet<>(start);
    known.addAll(follows.keySet());
    for (Map.Entry<String, List<String>> entry : follows.entrySet()) {
      String path = "follows." + entry.getKey();
      if (start.contains(entry.getKey())) {
        throw new SpecProblem(path, "'" + entry.getKey() + "' is a start type, so it has no cause; remove it from follows or from start");
      }
      notEmpty(entry.getValue(), path);
      distinct(entry.getValue(), path);
      allKnown(entry.getValue(), path, known);
    }
    notEmpty(terminal, "terminal");
    distinct(terminal, "terminal");
    allKnown(terminal, "terminal", known);
    for (Map.Entry<String, List<String>> entry : follows.entrySet()) {
      for (int i = 0; i < entry.getValue().size(); i++) {
        String cause = entry.getValue().get(i);
        if (terminal.contains(cause)) {
          throw new SpecProblem("follows." + entry.getKey() + "[" + i + "]",
              "'" + cause + "' is terminal, so nothing may follow it; remove it here or from terminal");
        }
      }
    }
    distinct(effectsOnce, "effects-once");
    allKnown(effectsOnce, "effects-once", known);
    compensations(follows, compensations, known);
  }

  private static void compensations(Map<String, List<String>> follows, Map<String, List<String>> compensations, Set<String> known) {
    for (Map.Entry<String, List<String>> entry : compensations.entrySet()) {
      String violation = entry.getKey();
      String path = "compensations." + violation;
      if (!known.contains(violation)) {
        throw new SpecProblem(path, "unknown event type '" + violation + "'; known types (start and follows keys): " + SagaSpec.known(known));
      }
      notEmpty(entry.getValue(), path);
      distinct(entry.getValue(), path);
      allKnown(entry.getValue(), path, known);
      for (int i = 0; i < entry.getValue().size(); i++) {
        String compensation = entry.getValue().get(i);
        if (!follows.getOrDefault(compensation, List.of()).contains(violation)) {
          throw new SpecProblem(path + "[" + i + "]", "'" + compensation + "' must list '" + violation
              + "' among its causes in follows, because a compensation follows the violation it undoes");
        }
      }
    }
  }

  private static void notEmpty(List<String> values, String path) {
    if (values.isEmpty()) {
      throw new SpecProblem(path, "must list at least one event type");
    }
  }

  private static void distinct(List<String> values, String path) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        throw new SpecProblem(path + "[" + i + "]", "'" + values.get(i) + "' is listed twice");
      }
    }
  }

  private static void allKnown(List<String> values, String path, Set<String> known) {
    for (int i = 0; i < values.size(); i++) {
      if (!known.contains(values.get(i))) {
        throw new SpecProblem(path + "[" + i + "]", "unknown event type '" + values.get(i)
            + "'; known types (start and follows keys): " + SagaSpec.known(known));
      }
    }
  }
}
