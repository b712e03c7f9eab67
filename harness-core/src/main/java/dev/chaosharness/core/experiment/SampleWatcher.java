package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.kpi.Kpis;
import dev.chaosharness.core.kpi.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Watches the timeline for new samples: tells the listener about each (with the faults active
 * then) and, while faults may be in, checks the abort conditions and aborts the run when one
 * has held long enough. Runs on a daemon thread of its own; {@link #close()} stops it.
 */
final class SampleWatcher implements AutoCloseable {

  private final Timeline timeline;
  private final List<AbortCondition> conditions;
  private final int[] violating;
  private final RunListener listener;
  private final Supplier<List<String>> activeFaults;
  private final BooleanSupplier armed;
  private final RunControl control;
  private final Thread thread;
  private volatile boolean stopped;
  private int seen;

  SampleWatcher(Timeline timeline, List<AbortCondition> conditions, RunListener listener,
      Supplier<List<String>> activeFaults, BooleanSupplier armed, RunControl control) {
    this.timeline = timeline;
    this.conditions = conditions;
    this.violating = new int[conditions.size()];
    this.listener = listener;
    this.activeFaults = activeFaults;
    this.armed = armed;
    this.control = control;
    this.thread = new Thread(this::loop, "experiment-sample-watcher");
    this.thread.setDaemon(true);
  }

  SampleWatcher start() {
    thread.start();
    return this;
  }

  private void loop() {
    long pause = Math.max(10, timeline.interval().toMillis() / 5);
    while (!stopped) {
      poll();
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Handles the samples that arrived since the last poll. */
  synchronized void poll() {
    List<KpiSample> samples = timeline.samples();
    for (; seen < samples.size(); seen++) {
      KpiSample sample = samples.get(seen);
      listener.onSample(sample, activeFaults.get());
      check(sample);
    }
  }

  private void check(KpiSample sample) {
    boolean isArmed = armed.getAsBoolean();
    for (int i = 0; i < conditions.size(); i++) {
      AbortCondition condition = conditions.get(i);
      double value = Kpis.overWindow(List.of(sample), condition.metric());
      violating[i] = isArmed && condition.violatedBy(value) ? violating[i] + 1 : 0;
      int needed = Math.max(1, (int) (condition.duration().toNanos() / timeline.interval().toNanos()));
      if (violating[i] >= needed) {
        control.abort("abort condition '" + condition + "' held for " + violating[i] + " sample(s) of "
            + DurationText.format(timeline.interval()) + "; last value " + String.format(Locale.ROOT, "%.4f", value)
            + " at " + sample.at());
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poll();
  }
}
