package dev.chaosharness.core.check;

import static dev.chaosharness.core.check.AnomalyKind.AFTER_TERMINAL;
import static dev.chaosharness.core.check.AnomalyKind.DUPLICATE_START;
import static dev.chaosharness.core.check.AnomalyKind.DUPLICATE_TERMINAL;
import static dev.chaosharness.core.check.AnomalyKind.FOREIGN_CAUSE;
import static dev.chaosharness.core.check.AnomalyKind.MISSING_CAUSE;
import static dev.chaosharness.core.check.AnomalyKind.NO_CAUSE;
import static dev.chaosharness.core.check.AnomalyKind.REORDERED;
import static dev.chaosharness.core.check.AnomalyKind.SPLIT_PARTITIONS;
import static dev.chaosharness.core.check.AnomalyKind.UNEXPECTED_CAUSE;
import static dev.chaosharness.core.check.AnomalyKind.UNKNOWN_TYPE;

import dev.chaosharness.core.history.EventHistory;
import java.util.List;

/**
 * Checks that each key's events form a path the specification allows. Across topics only
 * causation links order events; within one partition the offsets order them too (see
 * docs/saga-spec.md, "What ordering can be checked").
 */
final class OrderingChecker implements Checker {

  private static final int MAX_DEPTH = 64;

  @Override
  public String name() {
    return "ordering";
  }

  @Override
  public void check(SagaIndex index, List<Anomaly> out) {
    for (int g = 0; g < index.groups(); g++) {
      checkGroup(index, g, out);
    }
  }

  private void checkGroup(SagaIndex index, int g, List<Anomaly> out) {
    int firstStart = -1;
    int firstTerminal = -1;
    for (int m = index.groupStart[g]; m < index.groupStart[g + 1]; m++) {
      int i = index.members[m];
      if (!index.firstCopy(i)) {
        continue;
      }
      int type = index.type(i);
      if (type < 0) {
        out.add(UNKNOWN_TYPE.anomaly(index.key(i), List.of(index.ref(i)), "event type '" + index.history.type(i)
            + "' is not in the saga spec; known types: " + SagaSpec.known(index.spec.types())));
        continue;
      }
      if (index.start[type]) {
        if (firstStart >= 0) {
          out.add(DUPLICATE_START.anomaly(index.key(i), List.of(index.ref(firstStart), index.ref(i)),
              "a second " + index.types.get(type) + " with a new event id started this key again; the producer "
                  + "created the saga twice (a retried request without an idempotency key?)"));
        } else {
          firstStart = i;
        }
      } else {
        checkCause(index, i, type, out);
      }
      if (index.terminal[type]) {
        if (firstTerminal >= 0) {
          out.add(DUPLICATE_TERMINAL.anomaly(index.key(i), List.of(index.ref(firstTerminal), index.ref(i)),
              "a second terminal event " + index.types.get(type) + " after " + index.history.type(firstTerminal)
                  + "; the saga ended twice"));
        } else {
          firstTerminal = i;
        }
      }
    }
    if (firstTerminal >= 0) {
      afterTerminal(index, g, firstTerminal, out);
    }
    splitPartitions(index, g, out);
  }

  /**
   * Events of one key must share a partition of each topic (records keyed by the saga key);
   * otherwise consumers may apply them in any order, which no offset comparison can reveal.
   * Reports each topic of a key once, with its first two partitions as evidence.
   */
  private void splitPartitions(SagaIndex index, int g, List<Anomaly> out) {
    EventHistory h = index.history;
    int reportedTopic = -1;
    for (int m = index.groupStart[g] + 1; m < index.groupStart[g + 1]; m++) {
      int i = index.members[m];
      for (int n = index.groupStart[g]; n < m; n++) {
        int j = index.members[n];
        if (h.topicId(j) == h.topicId(i) && h.partition(j) != h.partition(i) && h.topicId(i) != reportedTopic) {
          reportedTopic = h.topicId(i);
          out.add(SPLIT_PARTITIONS.anomaly(index.key(i), List.of(index.ref(j), index.ref(i)), "this key's events on "
              + h.topic(i) + " are on partitions " + h.partition(j) + " and " + h.partition(i) + "; the producer did not "
              + "key them by " + index.spec.key() + ", so consumers may apply them out of order"));
          break;
        }
      }
    }
  }

  private void checkCause(SagaIndex index, int i, int type, List<Anomaly> out) {
    EventHistory h = index.history;
    String name = index.types.get(type);
    if (!h.hasCausation(i)) {
      out.add(NO_CAUSE.anomaly(index.key(i), List.of(index.ref(i)),
          name + " has no causationId, but it must follow one of " + index.causesText(type)));
      return;
    }
    int c = index.cause(i);
    if (c < 0) {
      out.add(MISSING_CAUSE.anomaly(index.key(i), List.of(index.ref(i)), name + " follows event " + h.causationId(i)
          + ", which is not in the history: that event was lost, or the capture started after it"));
      return;
    }
    if (index.keyId(c) != index.keyId(i)) {
      out.add(FOREIGN_CAUSE.anomaly(index.key(i), List.of(index.ref(c), index.ref(i)), name + " follows "
          + h.type(c) + " of another key, " + index.key(c) + "; the causation id points into another saga"));
      return;
    }
    int causeType = index.type(c);
    if (causeType >= 0 && !index.allowed[type][causeType]) {
      out.add(UNEXPECTED_CAUSE.anomaly(index.key(i), List.of(index.ref(c), index.ref(i)), name + " follows "
          + h.type(c) + ", but the spec allows it to follow only " + index.causesText(type)));
    }
    reordered(index, i, c, out);
  }

  private void reordered(SagaIndex index, int i, int c, List<Anomaly> out) {
    EventHistory h = index.history;
    for (int a = c, depth = 0; a >= 0 && depth < MAX_DEPTH; a = index.cause(a), depth++) {
      if (index.keyId(a) != index.keyId(i)) {
        return;
      }
      if (h.topicId(a) == h.topicId(i) && h.partition(a) == h.partition(i) && h.offset(a) > h.offset(i)) {
        out.add(REORDERED.anomaly(index.key(i), List.of(index.ref(i), index.ref(a)), h.type(i) + " sits at offset "
            + h.offset(i) + " of " + h.topic(i) + "/" + h.partition(i) + ", before " + h.type(a) + " at offset "
            + h.offset(a) + " that it follows; the producer published this key out of causal order"));
        return;
      }
    }
  }

  private void afterTerminal(SagaIndex index, int g, int terminal, List<Anomaly> out) {
    EventHistory h = index.history;
    for (int m = index.groupStart[g]; m < index.groupStart[g + 1]; m++) {
      int i = index.members[m];
      int type = index.type(i);
      if (i == terminal || !index.firstCopy(i) || (type >= 0 && index.terminal[type])) {
        continue;
      }
      if (h.topicId(i) == h.topicId(terminal) && h.partition(i) == h.partition(terminal) && h.offset(i) > h.offset(terminal)) {
        out.add(AFTER_TERMINAL.anomaly(index.key(i), List.of(index.ref(terminal), index.ref(i)), h.type(i)
            + " came after the terminal " + h.type(terminal) + " in the same partition; the saga went on after it ended"));
      }
    }
  }
}
