package dev.chaosharness.core.proxy;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;

/**
 * Polls for ready sockets without blocking for up to a bounded time before the event loop goes to
 * sleep, so a reply that arrives within that window is handled without a thread wake-up.
 *
 * <p>Trades CPU for latency: while traffic keeps arriving within the window the loop never sleeps
 * (one core busy). Scheduled tasks (toxic timers) may run up to the window late. Each event loop
 * gets its own instance; confined to that loop's thread.
 */
final class SpinSelectStrategy implements SelectStrategy {

  private final long spinNanos;

  private SpinSelectStrategy(long spinNanos) {
    this.spinNanos = spinNanos;
  }

  /** Returns a factory of strategies that poll for up to {@code spinNanos} (> 0) before blocking. */
  static SelectStrategyFactory factory(long spinNanos) {
    if (spinNanos <= 0) {
      throw new IllegalArgumentException("spinNanos must be > 0, but was " + spinNanos);
    }
    return () -> new SpinSelectStrategy(spinNanos);
  }

  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    if (hasTasks) {
      return selectNow.get();
    }
    long deadline = System.nanoTime() + spinNanos;
    do {
      int ready = selectNow.get();
      if (ready > 0) {
        return ready;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() - deadline < 0);
    return SELECT;
  }
}
