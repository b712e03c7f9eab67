package dev.chaosharness.traffic.data;

import java.util.Objects;

/**
 * One synthetic order's inputs, as the generator made them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the order's position in its seed's sequence (0-based)
 * @param idempotencyKey the {@code Idempotency-Key} header value, unique per seed and index
 * @param customerId a customer in the reserved synthetic range {@code c-900000..c-999999}
 * @param sku {@code SKU-001..SKU-100}, or {@code SKU-EMPTY} on the stock-insufficient path
 * @param quantity 1 to 3
 * @param cardNumber a test card: succeeding, or declined on the payment-declined path
 * @param shippingAddress a synthetic address, undeliverable on the shipment-failed path
 * @param path the saga path the seed planned for this order
 */
public record SyntheticOrder(
    long index,
    String idempotencyKey,
    String customerId,
    String sku,
    int quantity,
    String cardNumber,
    String shippingAddress,
    SagaPath path) {

  /** Validates the order. */
  public SyntheticOrder {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(cardNumber, "cardNumber");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(path, "path");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be >= 1, but was " + quantity);
    }
  }

  /** The {@code POST /orders} body. */
  public String toJson() {
    return "{\"customerId\":\"" + customerId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity
        + ",\"cardNumber\":\"" + cardNumber + "\",\"shippingAddress\":\"" + shippingAddress + "\"}";
  }
}
