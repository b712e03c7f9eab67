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

  /** Every known switch. */
  public static final Set<String> KNOWN =
      Set.of(PAYMENT_NOT_IDEMPOTENT, STOCK_UNORDERED, ORDER_NO_OUTBOX, PAYMENT_NO_REFUND);

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
