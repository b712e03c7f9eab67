package dev.chaosharness.core.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows every process an environment started and stops them all, the last started first
 * (dependents before what they depend on), on {@link #close()} and from a JVM shutdown hook.
 *
 * <p>Orphan safety: a normal exit, an exception or an interrupt closes the supervisor (directly
 * or through the shutdown hook, which also runs on SIGTERM and Ctrl-C); when the harness JVM is
 * killed with SIGKILL no hook runs, and the JVM-wide {@link Watchdog} process stops the children
 * instead.
 *
 * <p>Thread-safe.
 */
public final class ProcessSupervisor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);

  private final Deque<ManagedProcess> started = new ConcurrentLinkedDeque<>();
  private final Watchdog watchdog = Watchdog.shared();
  private final Thread hook = new Thread(this::stopAll, "chaos-harness-process-supervisor");
  private volatile boolean closed;

  /** Creates a supervisor and registers its shutdown hook. */
  public ProcessSupervisor() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Launches {@code spec} and returns the process without waiting for readiness.
   *
   * @throws ComponentFailedException if the command cannot be launched
   * @throws IllegalStateException if the supervisor is closed
   */
  public ManagedProcess start(ProcessSpec spec) {
    if (closed) {
      throw new IllegalStateException("Supervisor is closed; cannot start '" + spec.name() + "'");
    }
    ManagedProcess process = new ManagedProcess(spec, watchdog);
    started.push(process);
    process.launch();
    return process;
  }

  /** Every process started, in start order. */
  public List<ManagedProcess> processes() {
    List<ManagedProcess> list = new ArrayList<>(started);
    Collections.reverse(list);
    return list;
  }

  /** Stops every process, the last started first; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs or ran
    }
  }

  private synchronized void stopAll() {
    closed = true;
    for (ManagedProcess process : started) {
      try {
        process.close();
      } catch (RuntimeException e) {
        LOG.warn("Could not stop {}", process.name(), e);
      }
    }
  }
}
