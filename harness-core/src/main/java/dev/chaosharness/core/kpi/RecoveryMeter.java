package dev.chaosharness.core.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Measures time-to-detect, time-to-recover and impact of one fault on a {@link Timeline}.
 *
 * <pre>{@code
 * Recovery r = RecoveryMeter.of(healthy, 3).measure(sampler.timeline(), injectedAt, revertedAt);
 * r.assertRecoveredWithin(Duration.ofSeconds(15));
 * }</pre>
 *
 * <p>Detection is the first sample ending after the injection in which a probe fails (so its
 * resolution is the sampling interval). Recovery is the first sample ending after the revert
 * that starts a run of {@code consecutive} samples in which the steady state holds.
 * Immutable and thread-safe.
 */
public final class RecoveryMeter {

  private final SteadyState steadyState;
  private final int consecutive;

  private RecoveryMeter(SteadyState steadyState, int consecutive) {
    this.steadyState = steadyState;
    this.consecutive = consecutive;
  }

  /** Creates a meter that needs {@code consecutive} (>= 1) healthy samples to call a recovery. */
  public static RecoveryMeter of(SteadyState steadyState, int consecutive) {
    if (consecutive < 1) {
      throw new IllegalArgumentException("consecutive must be >= 1, but was " + consecutive);
    }
    return new RecoveryMeter(steadyState, consecutive);
  }

  /** Measures the fault injected at {@code injectedAt} and reverted at {@code revertedAt}. */
  public Recovery measure(Timeline timeline, Instant injectedAt, Instant revertedAt) {
    if (revertedAt.isBefore(injectedAt)) {
      throw new IllegalArgumentException("revertedAt must not be before injectedAt " + injectedAt + ", but was " + revertedAt);
    }
    List<KpiSample> samples = timeline.samples();
    Instant detected = null;
    String probe = null;
    Instant lastFailure = null;
    Instant recovered = null;
    int run = 0;
    for (int i = 0; i < samples.size() && recovered == null; i++) {
      KpiSample sample = samples.get(i);
      if (!sample.at().isAfter(injectedAt)) {
        continue;
      }
      List<Probe> failing = steadyState.failing(samples, i, timeline.interval());
      if (!failing.isEmpty()) {
        if (detected == null) {
          detected = sample.at();
          probe = failing.get(0).toString();
        }
        lastFailure = sample.at();
        run = 0;
      } else if (sample.at().isAfter(revertedAt) && ++run == consecutive) {
        recovered = samples.get(i - consecutive + 1).at();
      }
    }
    return new Recovery(injectedAt, revertedAt, Optional.ofNullable(detected), Optional.ofNullable(recovered),
        Optional.ofNullable(probe), Optional.ofNullable(lastFailure));
  }
}
