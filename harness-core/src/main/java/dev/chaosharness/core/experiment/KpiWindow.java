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

  /** What a KPI probe reads now: its metric over its trailing window; NaN when there is no data. */
  static double read(Timeline timeline, KpiProvider kpi) {
    return Kpis.overWindow(last(timeline, kpi.window()), kpi.metric());
  }

  static int samples(Duration window, Duration interval) {
    return (int) Math.max(1, (window.toNanos() + interval.toNanos() - 1) / interval.toNanos());
  }

  /** Whether every sample of the window saw a request (so a probe over it reads real traffic). */
  static boolean hasTraffic(List<KpiSample> samples, int needed) {
    return samples.size() >= needed && samples.stream().allMatch(s -> s.value(Kpis.REQUESTS) > 0);
  }
}
