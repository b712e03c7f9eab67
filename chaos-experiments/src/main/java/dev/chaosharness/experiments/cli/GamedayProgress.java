package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.experiment.ActivityResult;
import dev.chaosharness.core.experiment.Phase;
import dev.chaosharness.core.experiment.RunListener;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Prints a game day as it goes: each phase, each activity, and one line per KPI sample. */
final class GamedayProgress implements RunListener {

  private final PrintWriter out;
  private volatile Phase phase;
  private volatile Instant start;

  GamedayProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onPhase(Phase next, Instant at) {
    if (start == null) {
      start = at;
    }
    phase = next;
    print(String.format(Locale.ROOT, "== %-16s %7.1f s", next.jsonName(), seconds(at)));
  }

  @Override
  public void onSample(KpiSample sample, List<String> activeFaults) {
    print(String.format(Locale.ROOT, "   %-16s %7.1f s  %7.1f req/s  ok %s  p99 %s  faults: %s",
        phase == null ? "" : phase.jsonName(), seconds(sample.at()), zero(sample.value(Kpis.REQUEST_RATE)),
        percent(sample.value(Kpis.SUCCESS_RATIO)), millis(sample.value(Kpis.LATENCY_P99_MS)),
        activeFaults.isEmpty() ? "none" : String.join(", ", activeFaults)));
  }

  @Override
  public void onActivity(ActivityResult result) {
    print("   " + result.type() + " " + result.name() + ": " + (result.succeeded() ? "succeeded" : "failed")
        + (result.output().isEmpty() ? "" : " (" + result.output() + ")")
        + result.error().map(e -> " - " + e).orElse(""));
  }

  private double seconds(Instant at) {
    return start == null ? 0 : Duration.between(start, at).toMillis() / 1000.0;
  }

  private static double zero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "   -  " : String.format(Locale.ROOT, "%5.1f%%", ratio * 100);
  }

  private static String millis(double ms) {
    return Double.isNaN(ms) ? "     - " : String.format(Locale.ROOT, "%5.0f ms", ms);
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
