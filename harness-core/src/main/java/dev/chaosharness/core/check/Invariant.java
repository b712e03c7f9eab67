package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import java.util.List;

/**
 * A pluggable check over a recorded run, for rules the saga specification cannot express, such
 * as state checks through a service probe (stock conservation: initial stock minus reserved
 * plus released equals the stock the service reports).
 *
 * <pre>{@code
 * Invariant stock = Invariant.of("stock-conservation", history -> probe.conserved(history)
 *     ? List.of()
 *     : List.of(new Anomaly("stock-conservation", "STOCK_DRIFT", "", List.of(), "...")));
 * }</pre>
 *
 * <p>Implementations must be safe to call from the thread that runs the check; they may throw,
 * and the checker reports the failure as an anomaly of kind {@code INVARIANT_FAILED}.
 */
public interface Invariant {

  /** Returns the name shown in the verdict, for example {@code stock-conservation}. */
  String name();

  /** Checks the history and returns the anomalies found; empty when the invariant holds. */
  List<Anomaly> check(EventHistory history);

  /** Creates an invariant from a name and a function. */
  static Invariant of(String name, java.util.function.Function<EventHistory, List<Anomaly>> check) {
    java.util.Objects.requireNonNull(name, "name must not be null");
    java.util.Objects.requireNonNull(check, "check must not be null");
    return new Invariant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Anomaly> check(EventHistory history) {
        return check.apply(history);
      }
    };
  }
}
