package dev.chaosharness.core.check;

import static dev.chaosharness.core.check.AnomalyKind.MISSING_COMPENSATION;

import dev.chaosharness.core.history.EventHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every violation event is followed by each compensation the specification
 * demands: an event of that type whose causation id is the violation's event id.
 */
final class CompensationChecker implements Checker {

  @Override
  public String name() {
    return "compensation";
  }

  @Override
  public void check(SagaIndex index, List<Anomaly> out) {
    for (int g = 0; g < index.groups(); g++) {
      int from = index.groupStart[g];
      int to = index.groupStart[g + 1];
      for (int m = from; m < to; m++) {
        int v = index.members[m];
        int type = index.type(v);
        if (type >= 0 && index.compensations[type].length > 0 && index.firstCopy(v)) {
          checkViolation(index, v, type, from, to, out);
        }
      }
    }
  }

  private void checkViolation(SagaIndex index, int v, int type, int from, int to, List<Anomaly> out) {
    EventHistory h = index.history;
    List<String> missing = new ArrayList<>();
    for (int required : index.compensations[type]) {
      boolean found = false;
      for (int m = from; m < to && !found; m++) {
        int j = index.members[m];
        found = index.type(j) == required && index.cause(j) == v;
      }
      if (!found) {
        missing.add(index.types.get(required));
      }
    }
    if (!missing.isEmpty()) {
      int last = index.members[to - 1];
      out.add(MISSING_COMPENSATION.anomaly(index.key(v), v == last ? List.of(index.ref(v)) : List.of(index.ref(v), index.ref(last)),
          h.type(v) + " was not followed by " + String.join(" and ", missing) + " (it demands "
              + index.spec.compensationsOf(h.type(v)) + "); the service owning it ignored the compensation or its event was lost"));
    }
  }
}
