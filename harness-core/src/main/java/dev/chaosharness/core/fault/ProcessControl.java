package dev.chaosharness.core.fault;

import java.time.Duration;

/**
 * What a process fault needs from a managed process: kill -9, pause, resume and restart.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProcessControl {

  /** Returns the process's name, for example {@code payment}. */
  String name();

  /** Kills the process with SIGKILL. */
  void kill();

  /** Stops the process with SIGSTOP. */
  void pause();

  /** Continues a paused process with SIGCONT. */
  void resume();

  /** Starts the process again after it was killed. */
  void restart();

  /** Waits until the process reports ready, or fails after {@code timeout}. */
  void awaitReady(Duration timeout);
}
