package dev.chaosharness.core.check;

import static dev.chaosharness.core.check.AnomalyKind.DUPLICATE_EFFECT;
import static dev.chaosharness.core.check.AnomalyKind.EVENT_ID_REUSED;

import dev.chaosharness.core.history.EventHistory;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that no effect in {@code effects-once} happens twice for one key. A redelivered copy
 * (the same event id) is fine; the same effect under a new event id is not. Also reports one
 * event id naming two different events.
 */
final class IdempotencyChecker implements Checker {

  @Override
  public String name() {
    return "idempotency";
  }

  @Override
  public void check(SagaIndex index, List<Anomaly> out) {
    int[] firstOfType = new int[index.types.size()];
    Arrays.fill(firstOfType, -1);
    for (int g = 0; g < index.groups(); g++) {
      int from = index.groupStart[g];
      int to = index.groupStart[g + 1];
      for (int m = from; m < to; m++) {
        int i = index.members[m];
        if (!index.firstCopy(i)) {
          reused(index, i, out);
          continue;
        }
        int type = index.type(i);
        if (type < 0 || !index.effectOnce[type]) {
          continue;
        }
        if (firstOfType[type] >= 0) {
          int first = firstOfType[type];
          out.add(DUPLICATE_EFFECT.anomaly(index.key(i), List.of(index.ref(first), index.ref(i)), index.types.get(type)
              + " happened twice for this key under two event ids; its consumer repeated the effect instead of "
              + "deduplicating the redelivered cause by event id"));
        } else {
          firstOfType[type] = i;
        }
      }
      for (int m = from; m < to; m++) {
        int type = index.type(index.members[m]);
        if (type >= 0) {
          firstOfType[type] = -1;
        }
      }
    }
  }

  private void reused(SagaIndex index, int i, List<Anomaly> out) {
    EventHistory h = index.history;
    int first = index.firstCopyOf(i);
    if (h.typeId(first) != h.typeId(i) || index.keyId(first) != index.keyId(i)) {
      out.add(EVENT_ID_REUSED.anomaly(index.key(i), List.of(index.ref(first), index.ref(i)), "event id "
          + h.eventId(i) + " names both " + h.type(first) + " of " + index.key(first) + " and " + h.type(i) + " of "
          + index.key(i) + "; every event needs its own id"));
    }
  }
}
