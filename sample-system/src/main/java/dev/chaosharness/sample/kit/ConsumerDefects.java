package dev.chaosharness.sample.kit;

import java.time.Clock;

/**
 * The consumer-side defect switches of one service ({@link Defects#OUTAGE_IS_POISON},
 * {@link Defects#SLOW_TX_IS_POISON}, {@link Defects#DROP_STALE_EVENTS},
 * {@link Defects#POISON_BLOCKS_PARTITION}) as the inbox consumer asks them. All off for a healthy service.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outageIsPoison infrastructure failures count as bad events
 * @param slowTxIsPoison transactions over the deadline fail
 * @param dropStale events older than the stale age are dropped
 * @param poisonBlocks poison events are retried forever
 * @param clock the service's clock
 */
record ConsumerDefects(boolean outageIsPoison, boolean slowTxIsPoison, boolean dropStale, boolean poisonBlocks,
    Clock clock) {

  static ConsumerDefects of(Defects defects, Clock clock) {
    return new ConsumerDefects(defects.has(Defects.OUTAGE_IS_POISON), defects.has(Defects.SLOW_TX_IS_POISON),
        defects.has(Defects.DROP_STALE_EVENTS), defects.has(Defects.POISON_BLOCKS_PARTITION), clock);
  }

  /** Tells whether an event published at {@code timestampMillis} is dropped as stale. */
  boolean stale(long timestampMillis) {
    return dropStale && clock.millis() - timestampMillis > Defects.STALE_AFTER_MILLIS;
  }

  /** Returns the time now, for {@link #checkDeadline(long, int)}. */
  long startTx() {
    return clock.millis();
  }

  /**
   * Fails a transaction that started at {@code startMillis} if it is over the deadline.
   *
   * @throws IllegalStateException when the switch is on and the deadline passed
   */
  void checkDeadline(long startMillis, int events) {
    long took = clock.millis() - startMillis;
    if (slowTxIsPoison && took > Defects.SLOW_TX_DEADLINE_MILLIS) {
      throw new IllegalStateException("transaction of " + events + " event(s) took " + took + " ms, over the "
          + Defects.SLOW_TX_DEADLINE_MILLIS + " ms deadline (defect " + Defects.SLOW_TX_IS_POISON + ")");
    }
  }
}
