package dev.chaosharness.core.fault;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault on a managed process: kill -9 (reverted by a restart, awaiting readiness), pause
 * (reverted by resume) or restart (nothing to revert). Thread-safe.
 */
public final class ProcessFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessFault.class);

  enum Kind { KILL, PAUSE, RESTART }

  private final Kind kind;
  private final String processName;
  private final Duration readyTimeout;
  private ProcessControl process;

  ProcessFault(Kind kind, String processName, Duration readyTimeout) {
    this.kind = kind;
    this.processName = Objects.requireNonNull(processName, "processName");
    this.readyTimeout = readyTimeout;
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (process != null) {
      throw new IllegalStateException(describe() + " is already injected; revert it first");
    }
    ProcessControl found = target.process(processName);
    switch (kind) {
      case KILL -> found.kill();
      case PAUSE -> found.pause();
      case RESTART -> {
        found.restart();
        found.awaitReady(readyTimeout);
      }
    }
    process = kind == Kind.RESTART ? null : found;
    LOG.info("Injected {}", describe());
  }

  @Override
  public synchronized void revert() {
    if (process == null) {
      return;
    }
    ProcessControl injected = process;
    try {
      if (kind == Kind.KILL) {
        injected.restart();
        injected.awaitReady(readyTimeout);
      } else {
        injected.resume();
      }
    } catch (RuntimeException e) {
      throw new FaultException("Could not revert " + describe() + ": " + e.getMessage(), e);
    }
    process = null;
  }

  @Override
  public String describe() {
    return switch (kind) {
      case KILL -> "kill -9 " + processName;
      case PAUSE -> "pause " + processName;
      case RESTART -> "restart " + processName;
    };
  }
}
