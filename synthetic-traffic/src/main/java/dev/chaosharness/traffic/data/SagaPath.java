package dev.chaosharness.traffic.data;

/**
 * The path a synthetic order takes through the sample shop's saga, chosen by its inputs.
 *
 * <p>Thread-safe (an enum).
 */
public enum SagaPath {
  /** Paid, reserved, shipped: {@code OrderCompleted}. */
  COMPLETED,
  /** The provider declines the card: {@code PaymentDeclined}, {@code OrderFailed}. */
  PAYMENT_DECLINED,
  /** The SKU is never in stock: {@code StockInsufficient}, refund, {@code OrderFailed}. */
  STOCK_INSUFFICIENT,
  /** The address cannot be delivered to: {@code ShipmentFailed}, release, refund, {@code OrderFailed}. */
  SHIPMENT_FAILED;

  /** The order status this path ends in. */
  public String terminalStatus() {
    return this == COMPLETED ? "COMPLETED" : "FAILED";
  }

  /** The path an order's inputs choose, read from the inputs alone. */
  public static SagaPath of(SyntheticOrder order) {
    if (SyntheticOrderGenerator.DECLINED_CARD.equals(order.cardNumber())) {
      return PAYMENT_DECLINED;
    }
    if (SyntheticOrderGenerator.EMPTY_SKU.equals(order.sku())) {
      return STOCK_INSUFFICIENT;
    }
    if (order.shippingAddress().contains(SyntheticOrderGenerator.UNDELIVERABLE)) {
      return SHIPMENT_FAILED;
    }
    return COMPLETED;
  }
}
