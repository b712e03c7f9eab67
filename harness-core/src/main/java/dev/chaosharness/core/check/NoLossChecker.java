package dev.chaosharness.core.check;

import static dev.chaosharness.core.check.AnomalyKind.LATE;
import static dev.chaosharness.core.check.AnomalyKind.LOST;
import static dev.chaosharness.core.check.AnomalyKind.STUCK;

import dev.chaosharness.core.history.EventHistory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Checks that every started key, and every order the system accepted, reaches a terminal
 * event within the deadline (measured between the start's and the terminal's
 * {@code occurredAt}). Stuck keys are listed with their last event.
 */
final class NoLossChecker implements Checker {

  private final Duration deadline;
  private final Collection<String> accepted;

  NoLossChecker(Duration deadline, Collection<String> accepted) {
    this.deadline = deadline;
    this.accepted = accepted;
  }

  @Override
  public String name() {
    return "no-loss";
  }

  @Override
  public void check(SagaIndex index, List<Anomaly> out) {
    EventHistory h = index.history;
    long end = Long.MIN_VALUE;
    for (int i = 0; i < h.size(); i++) {
      end = Math.max(end, h.observedAtMicros(i));
    }
    for (int g = 0; g < index.groups(); g++) {
      checkGroup(index, g, end, false, out);
    }
    for (String order : new TreeSet<>(accepted)) {
      int g = index.groupOf(order);
      if (g < 0) {
        out.add(LOST.anomaly(order, List.of(), "accepted by the system, but no event of it is in the history; its "
            + "start event was never published (lost outside a transaction?)"));
      } else {
        checkGroup(index, g, end, true, out);
      }
    }
  }

  private void checkGroup(SagaIndex index, int g, long end, boolean acceptedOnly, List<Anomaly> out) {
    EventHistory h = index.history;
    int start = -1;
    int terminal = -1;
    int last = -1;
    for (int m = index.groupStart[g]; m < index.groupStart[g + 1]; m++) {
      int i = index.members[m];
      int type = index.type(i);
      last = i;
      if (!index.firstCopy(i)) {
        continue;
      }
      if (type >= 0 && index.start[type] && start < 0) {
        start = i;
      }
      if (type >= 0 && index.terminal[type] && terminal < 0) {
        terminal = i;
      }
    }
    if (acceptedOnly) {
      if (start < 0 && terminal < 0) {
        out.add(STUCK.anomaly(index.key(last), List.of(index.ref(last)), "accepted, but never started and never ended; "
            + "last event " + h.type(last)));
      }
      return;
    }
    if (start < 0) {
      return;
    }
    String terminals = index.spec.terminal().toString();
    if (terminal < 0) {
      out.add(STUCK.anomaly(index.key(start), List.of(index.ref(start), index.ref(last)), "no terminal event "
          + terminals + " by the end of the history, " + seconds(end - h.occurredAtMicros(start)) + " after "
          + h.type(start) + " (deadline " + seconds(deadline.toNanos() / 1000) + "); last event " + h.type(last)));
      return;
    }
    long took = h.occurredAtMicros(terminal) - h.occurredAtMicros(start);
    if (took > deadline.toNanos() / 1000) {
      out.add(LATE.anomaly(index.key(start), List.of(index.ref(start), index.ref(terminal)), h.type(terminal)
          + " came " + seconds(took) + " after " + h.type(start) + ", past the deadline of "
          + seconds(deadline.toNanos() / 1000)));
    }
  }

  static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
  }
}
