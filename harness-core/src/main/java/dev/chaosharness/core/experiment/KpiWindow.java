package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Timeline;
import java.time.Duration;
import java.util.List;

/** Reads a KPI over the timeline's trailing window: the success ratio pooled, any other value averaged. */
final class KpiWindow {

  private KpiWindow() {}

  /** The trailing samples covering {@code window} (at least one), oldest first; empty when there are none. */
  static List<KpiSample> last(Timeline timeline, Duration window) {
    List<KpiSample> samples = timeline.samples();
    int count = samples(window, timeline.interval());
    return samples.subList(Math.max(0, samples.size() - count), samples.size());
  }

  static int samples(Duration window, Duration interval) {
    return (int) Math.max(1, (window.toNanos() + interval.toNanos() - 1) / interval.toNanos());
  }

  static double value(List<KpiSample> samples, String metric) {
    if (metric.equals(Kpis.SUCCESS_RATIO)) {
      double requests = samples.stream().mapToDouble(s -> nanToZero(s.value(Kpis.REQUESTS))).sum();
      double successes = samples.stream().mapToDouble(s -> nanToZero(s.value(Kpis.SUCCESSES))).sum();
      return requests > 0 ? successes / requests : Double.NaN;
    }
    return samples.stream().mapToDouble(s -> s.value(metric)).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  /** Whether every sample of the window saw a request (so a probe over it reads real traffic). */
  static boolean hasTraffic(List<KpiSample> samples, int needed) {
    return samples.size() >= needed && samples.stream().allMatch(s -> s.value(Kpis.REQUESTS) > 0);
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
