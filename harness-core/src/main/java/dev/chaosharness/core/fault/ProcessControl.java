package dev.chaosharness.core.fault;

import dev.chaosharness.core.env.ManagedProcess;
import java.time.Duration;
import java.util.Objects;

/**
 * What a process fault needs from a process: kill -9, pause, resume, restart and readiness.
 * {@link #of(ManagedProcess)} adapts the environment's supervised processes; implement it for
 * anything else (a process on another host, a container).
 *
 * <p>Implementations are thread-safe.
 */
public interface ProcessControl {

  /** Adapts a supervised process of the environment. */
  static ProcessControl of(ManagedProcess process) {
    Objects.requireNonNull(process, "process");
    return new ProcessControl() {
      @Override
      public String name() {
        return process.name();
      }

      @Override
      public void kill() {
        process.kill();
      }

      @Override
      public void pause() {
        process.pause();
      }

      @Override
      public void resume() {
        process.resume();
      }

      @Override
      public void restart() {
        process.restart();
      }

      @Override
      public void awaitReady(Duration timeout) {
        process.awaitReady(timeout);
      }
    };
  }

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
