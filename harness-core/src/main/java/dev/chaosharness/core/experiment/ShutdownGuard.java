package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes JVM shutdown (Ctrl-C, SIGTERM) end a run cleanly: the shutdown hook interrupts the
 * running thread and holds the JVM until the run has reverted its faults, run its rollbacks and
 * written its journal ({@link #close()}), at most {@code wait}. Thread-safe.
 */
final class ShutdownGuard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

  private final RunControl control;
  private final Duration wait;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "experiment-shutdown");

  ShutdownGuard(RunControl control, Duration wait) {
    this.control = control;
    this.wait = wait;
  }

  /** Registers the shutdown hook. */
  ShutdownGuard install() {
    Runtime.getRuntime().addShutdownHook(hook);
    return this;
  }

  /** What the hook does: interrupt the run, then wait for it to finish its cleanup. */
  void onShutdown() {
    control.interrupt("the JVM is shutting down (SIGINT/SIGTERM)");
    try {
      if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("The experiment run did not finish its reverts and rollbacks within {} of the shutdown", wait);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run is done: releases a waiting hook and removes it; idempotent. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running; it was just released
    }
  }
}
