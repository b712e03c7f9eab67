package dev.chaosharness.sample.kit;

import java.util.List;

/**
 * The saga's topic names and event types, as the contract lists them.
 *
 * <p>Constants only.
 */
public final class Topics {

  /** Order events: {@code OrderCreated}, {@code OrderCompleted}, {@code OrderFailed}. */
  public static final String ORDERS = "orders.events";
  /** Payment events: {@code PaymentProcessed}, {@code PaymentDeclined}, {@code PaymentRefunded}. */
  public static final String PAYMENTS = "payments.events";
  /** Stock events: {@code StockReserved}, {@code StockInsufficient}, {@code StockReleased}. */
  public static final String STOCK = "stock.events";
  /** Shipping events: {@code ShipmentScheduled}, {@code ShipmentFailed}. */
  public static final String SHIPPING = "shipping.events";
  /** All saga topics. */
  public static final List<String> ALL = List.of(ORDERS, PAYMENTS, STOCK, SHIPPING);

  public static final String ORDER_CREATED = "OrderCreated";
  public static final String ORDER_COMPLETED = "OrderCompleted";
  public static final String ORDER_FAILED = "OrderFailed";
  public static final String PAYMENT_PROCESSED = "PaymentProcessed";
  public static final String PAYMENT_DECLINED = "PaymentDeclined";
  public static final String PAYMENT_REFUNDED = "PaymentRefunded";
  public static final String STOCK_RESERVED = "StockReserved";
  public static final String STOCK_INSUFFICIENT = "StockInsufficient";
  public static final String STOCK_RELEASED = "StockReleased";
  public static final String SHIPMENT_SCHEDULED = "ShipmentScheduled";
  public static final String SHIPMENT_FAILED = "ShipmentFailed";

  private Topics() {
  }

  /**
   * Returns the fault topic of a topic.
   *
   * @param topic a saga topic
   * @return {@code <topic>.faults}
   */
  public static String faults(String topic) {
    return topic + ".faults";
  }
}
