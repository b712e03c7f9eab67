package dev.chaosharness.sample.kit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The defect switches of {@code SAMPLE_DEFECTS}, which make a service misbehave on purpose so that
 * checkers can be seen to fail.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled the switched-on defect names
 */
public record Defects(Set<String> enabled) {

  /** Payment skips inbox dedupe and charges again under a new key on redelivery. */
  public static final String PAYMENT_NOT_IDEMPOTENT = "payment-not-idempotent";
  /** Stock processes each poll in parallel and publishes without per-key partitioning. */
  public static final String STOCK_UNORDERED = "stock-unordered";
  /** Order publishes outside the transaction and swallows send errors. */
  public static final String ORDER_NO_OUTBOX = "order-no-outbox";
  /** Payment ignores compensation events. */
  public static final String PAYMENT_NO_REFUND = "payment-no-refund";

  /**
   * Any consuming service: an infrastructure failure (an unavailable provider, an open circuit, a
   * lost database connection) counts as a bad event, so after three attempts the event goes to the
   * fault topic instead of being replayed when the dependency is back.
   */
  public static final String OUTAGE_IS_POISON = "outage-is-poison";
  /**
   * Any consuming service: a transaction that takes longer than {@link #SLOW_TX_DEADLINE_MILLIS}
   * is rolled back and counts as a bad event, so after three slow attempts the event goes to the
   * fault topic.
   */
  public static final String SLOW_TX_IS_POISON = "slow-tx-is-poison";
  /**
   * Any consuming service: joins a fresh consumer group on every start and reads from the latest
   * offset, so whatever was published while it was down is never read.
   */
  public static final String CONSUMER_FROM_LATEST = "consumer-from-latest";
  /**
   * Any consuming service: drops events published more than {@link #STALE_AFTER_MILLIS} ago as
   * expired, so a consumer that falls behind loses the events it was late for.
   */
  public static final String DROP_STALE_EVENTS = "drop-stale-events";
  /**
   * Any consuming service: a poison event is retried every 500 ms forever instead of going to the
   * fault topic, so its partition stops.
   */
  public static final String POISON_BLOCKS_PARTITION = "poison-blocks-partition";

  /** The deadline of {@link #SLOW_TX_IS_POISON}, in milliseconds. */
  public static final long SLOW_TX_DEADLINE_MILLIS = 1_000;
  /** The age after which {@link #DROP_STALE_EVENTS} drops an event, in milliseconds. */
  public static final long STALE_AFTER_MILLIS = 5_000;

  /** Every known switch. */
  public static final Set<String> KNOWN = Set.of(PAYMENT_NOT_IDEMPOTENT, STOCK_UNORDERED, ORDER_NO_OUTBOX,
      PAYMENT_NO_REFUND, OUTAGE_IS_POISON, SLOW_TX_IS_POISON, CONSUMER_FROM_LATEST, DROP_STALE_EVENTS,
      POISON_BLOCKS_PARTITION);

  /** Validates that every name is known. */
  public Defects {
    enabled = Set.copyOf(enabled);
    for (String name : enabled) {
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("SAMPLE_DEFECTS names an unknown defect '" + name
            + "'; known defects: " + KNOWN.stream().sorted().toList());
      }
    }
  }

  /**
   * Returns no defects.
   *
   * @return the empty set of switches
   */
  public static Defects none() {
    return new Defects(Set.of());
  }

  /**
   * Parses a comma-separated list such as {@code payment-no-refund,stock-unordered}.
   *
   * @param csv the list; blank means none
   * @return the switches
   * @throws IllegalArgumentException naming an unknown switch
   */
  public static Defects parse(String csv) {
    Set<String> names = Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return new Defects(names);
  }

  /**
   * Tells whether a switch is on.
   *
   * @param name the defect name
   * @return true when switched on
   */
  public boolean has(String name) {
    return enabled.contains(name);
  }
}
