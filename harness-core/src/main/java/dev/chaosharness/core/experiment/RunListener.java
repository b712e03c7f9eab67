package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.KpiSample;
import java.time.Instant;
import java.util.List;

/**
 * Hears an experiment run as it goes, for live progress (a game day's terminal line, a test log).
 *
 * <pre>{@code
 * RunListener progress = new RunListener() {
 *   public void onSample(KpiSample s, List<String> faults) {
 *     System.out.printf("%.1f/s ok %.3f faults %s%n", s.value(Kpis.REQUEST_RATE), s.value(Kpis.SUCCESS_RATIO), faults);
 *   }
 * };
 * }</pre>
 *
 * <p>Called from the runner's threads (phases and activities from the running thread, samples
 * from the sample watcher); whatever a method throws is logged and ignored. Implementations
 * should return quickly.
 */
public interface RunListener {

  /** A phase began. */
  default void onPhase(Phase phase, Instant at) {}

  /** A KPI sample was taken; {@code activeFaults} describes the faults injected at that moment. */
  default void onSample(KpiSample sample, List<String> activeFaults) {}

  /** An activity of the hypothesis, method or rollbacks ended. */
  default void onActivity(ActivityResult result) {}

  /** A listener that does nothing. */
  static RunListener noop() {
    return new RunListener() {};
  }
}
