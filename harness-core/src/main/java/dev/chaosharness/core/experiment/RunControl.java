package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a run is stopped early: an abort condition or the JVM's shutdown interrupts the running
 * thread after recording why. Thread-safe.
 */
final class RunControl {

  private final Thread runner;
  private final AtomicReference<String> abortReason = new AtomicReference<>();
  private final AtomicReference<String> interruptReason = new AtomicReference<>();

  RunControl(Thread runner) {
    this.runner = runner;
  }

  /** Halts the run as aborted (first reason wins). */
  void abort(String reason) {
    if (abortReason.compareAndSet(null, reason)) {
      runner.interrupt();
    }
  }

  /** Halts the run as interrupted (first reason wins). */
  void interrupt(String reason) {
    if (interruptReason.compareAndSet(null, reason)) {
      runner.interrupt();
    }
  }

  Optional<String> abortReason() {
    return Optional.ofNullable(abortReason.get());
  }

  Optional<String> interruptReason() {
    return Optional.ofNullable(interruptReason.get());
  }

  Thread runner() {
    return runner;
  }

  /** Sleeps on the running thread; an abort or interrupt ends it with {@link InterruptedException}. */
  static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
