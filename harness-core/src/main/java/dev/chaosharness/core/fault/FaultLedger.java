package dev.chaosharness.core.fault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every injected fault and reverts them all, newest first, on {@link #close()}: at the end
 * of a try-with-resources block, on an exception, after an interrupt, and at JVM shutdown (a
 * shutdown hook). Leases on toxics and disabled links cover the case where the JVM is killed outright.
 *
 * <pre>{@code
 * try (FaultLedger ledger = FaultLedger.open(target)) {
 *   ledger.inject(Faults.latency(ofMillis(200)).on("payment->provider"));
 *   ledger.inject(Faults.kill("stock"));
 *   runTraffic();
 * } // both reverted here, even if runTraffic() threw
 * }</pre>
 *
 * <p>A failing revert never prevents the others; failures are reported together in one {@link
 * FaultException}. Thread-safe; {@link #close()} is idempotent.
 */
public final class FaultLedger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultLedger.class);

  private final FaultTarget target;
  private final Deque<Fault> injected = new ArrayDeque<>();
  private final Thread shutdownHook;
  private boolean closed;

  private FaultLedger(FaultTarget target) {
    this.target = Objects.requireNonNull(target, "target");
    this.shutdownHook = new Thread(this::revertAtShutdown, "fault-ledger-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Opens a ledger for faults on {@code target}; registers a shutdown hook until closed. */
  public static FaultLedger open(FaultTarget target) {
    return new FaultLedger(target);
  }

  /** Injects {@code fault} and records it; a fault that failed to inject is not recorded. */
  public synchronized void inject(Fault fault) {
    if (closed) {
      throw new IllegalStateException("This fault ledger is closed; open a new one to inject " + fault.describe());
    }
    fault.inject(target);
    injected.push(fault);
  }

  /** Returns the descriptions of the faults injected and not yet reverted, oldest first. */
  public synchronized List<String> active() {
    List<String> result = new ArrayList<>();
    injected.descendingIterator().forEachRemaining(fault -> result.add(fault.describe()));
    return result;
  }

  /**
   * Reverts every recorded fault, newest first, even if some reverts fail or the thread is
   * interrupted; the ledger stays open for more faults.
   *
   * @throws FaultException listing every revert that failed
   */
  public synchronized void revertAll() {
    boolean interrupted = Thread.interrupted();
    List<String> failures = new ArrayList<>();
    List<RuntimeException> causes = new ArrayList<>();
    try {
      while (!injected.isEmpty()) {
        Fault fault = injected.pop();
        try {
          fault.revert();
          LOG.info("Reverted {}", fault.describe());
        } catch (RuntimeException e) {
          failures.add(fault.describe() + ": " + e.getMessage());
          causes.add(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (!causes.isEmpty()) {
      FaultException failure = new FaultException(
          causes.size() + " fault(s) could not be reverted: " + failures, causes.get(0));
      causes.subList(1, causes.size()).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** Reverts every recorded fault and removes the shutdown hook; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook is running or ran
    }
    revertAll();
  }

  private void revertAtShutdown() {
    try {
      revertAll();
    } catch (RuntimeException e) {
      LOG.warn("Reverting faults at JVM shutdown failed", e);
    }
  }
}
