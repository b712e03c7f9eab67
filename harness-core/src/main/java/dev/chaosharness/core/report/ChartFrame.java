package dev.chaosharness.core.report;

import dev.chaosharness.core.experiment.FaultWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every timeline chart of one report shares: the time scale, the run's start (ticks count
 * from it), the sample instants and interval, the fault windows to shade and the markers to draw.
 *
 * @param scale the time scale
 * @param origin the run's start; tick labels are offsets from it
 * @param at the instants of the samples (the end of each interval), in order
 * @param interval the sampling interval
 * @param windows the fault windows, in injection order
 * @param markers the vertical markers (detected, recovered)
 */
record ChartFrame(TimeScale scale, Instant origin, List<Instant> at, Duration interval, List<FaultWindow> windows,
    List<Marker> markers) {

  /** Validates and copies the fields. */
  ChartFrame {
    Objects.requireNonNull(scale, "scale must not be null");
    Objects.requireNonNull(origin, "origin must not be null");
    at = List.copyOf(at);
    Objects.requireNonNull(interval, "interval must not be null");
    windows = List.copyOf(windows);
    markers = List.copyOf(markers);
  }
}
