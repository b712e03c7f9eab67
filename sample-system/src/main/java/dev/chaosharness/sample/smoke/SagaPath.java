package dev.chaosharness.sample.smoke;

import dev.chaosharness.sample.kit.EventCodec;
import java.util.random.RandomGenerator;

/**
 * The four saga paths and the inputs that choose them, as the contract lists them.
 *
 * <p>Immutable.
 */
public enum SagaPath {
  /** Everything succeeds: {@code OrderCompleted}. */
  SUCCESS("4242424242424242", "SKU-001", "1 Test Street", "COMPLETED", null),
  /** The provider declines the card: {@code OrderFailed}. */
  DECLINED("4000000000000002", "SKU-002", "1 Test Street", "FAILED", "payment declined"),
  /** The SKU has no stock: {@code OrderFailed} and a refund. */
  OUT_OF_STOCK("4242424242424242", "SKU-EMPTY", "1 Test Street", "FAILED", "out of stock"),
  /** The address is undeliverable: {@code OrderFailed}, stock released and a refund. */
  UNDELIVERABLE("4242424242424242", "SKU-003", "9 UNDELIVERABLE Road", "FAILED", "shipment failed");

  private final String card;
  private final String sku;
  private final String address;
  private final String expectedStatus;
  private final String expectedReasonPrefix;

  SagaPath(String card, String sku, String address, String expectedStatus, String expectedReasonPrefix) {
    this.card = card;
    this.sku = sku;
    this.address = address;
    this.expectedStatus = expectedStatus;
    this.expectedReasonPrefix = expectedReasonPrefix;
  }

  /**
   * Picks a path: 70% success, 10% each failure path.
   *
   * @param random the seeded generator
   * @return the path
   */
  public static SagaPath pick(RandomGenerator random) {
    int roll = random.nextInt(100);
    if (roll < 70) {
      return SUCCESS;
    }
    return roll < 80 ? DECLINED : roll < 90 ? OUT_OF_STOCK : UNDELIVERABLE;
  }

  /**
   * Returns the order request body that takes this path.
   *
   * @param customer the customer id
   * @return the JSON body
   */
  public String requestBody(String customer) {
    return EventCodec.JSON.createObjectNode().put("customerId", customer).put("sku", sku).put("quantity", 1)
        .put("cardNumber", card).put("shippingAddress", address).toString();
  }

  /**
   * Tells whether an outcome is the one this path's inputs explain.
   *
   * @param status {@code COMPLETED} or {@code FAILED}
   * @param reason the failure reason, or null
   * @return true when explained
   */
  public boolean explains(String status, String reason) {
    if (!expectedStatus.equals(status)) {
      return false;
    }
    return expectedReasonPrefix == null ? reason == null : reason != null && reason.startsWith(expectedReasonPrefix);
  }
}
