package dev.chaosharness.core.traffic;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A running traffic run: watch its progress, wait for it, or stop it; either way you get
 * typed results.
 *
 * <p>Thread-safe. {@link #close()} stops the run if it still goes and is idempotent.
 */
public interface TrafficRun extends AutoCloseable {

  /** Where this run writes its traffic log, report and load-generator output. */
  Path directory();

  /** The traffic log (JSON Lines, one record per request; see {@link TrafficLog}). */
  Path trafficLog();

  /** A snapshot of what was sent so far. */
  TrafficProgress progress();

  /** Whether the run has ended. */
  boolean isDone();

  /**
   * Waits for the run to end and returns its results.
   *
   * @throws TrafficException if it did not end within {@code timeout} (the run keeps going)
   */
  TrafficResult await(Duration timeout);

  /** Stops the run now and returns the results gathered so far; after the end, the final results. */
  TrafficResult stop();

  /** Stops the run if it still goes; idempotent. */
  @Override
  void close();
}
