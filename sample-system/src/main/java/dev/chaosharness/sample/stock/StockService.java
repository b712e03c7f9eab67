package dev.chaosharness.sample.stock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.EventHandler;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;

/**
 * The stock service: reserves for {@code PaymentProcessed} ({@code StockReserved} or
 * {@code StockInsufficient}) and releases on {@code ShipmentFailed} ({@code StockReleased}).
 *
 * <p>Thread-safe.
 */
public final class StockService implements SampleService {

  private final ServiceKit kit;
  private final boolean unordered;

  /**
   * Creates the service.
   *
   * @param kit the started kit
   */
  public StockService(ServiceKit kit) {
    this.kit = kit;
    this.unordered = kit.config().defects().has(Defects.STOCK_UNORDERED);
  }

  @Override
  public Set<String> topics() {
    return Set.of(Topics.PAYMENTS, Topics.SHIPPING);
  }

  @Override
  public Map<String, EventHandler> handlers() {
    return Map.of(Topics.PAYMENT_PROCESSED, this::reserve, Topics.SHIPMENT_FAILED, this::release);
  }

  @Override
  public boolean ordered() {
    return !unordered;
  }

  private void reserve(Connection c, EventEnvelope paid) throws Exception {
    String sku = paid.payload().path("sku").asText();
    int quantity = paid.payload().path("quantity").asInt();
    boolean reserved;
    try (PreparedStatement s = c.prepareStatement(
        "update stock set available = available - ? where sku = ? and available >= ?")) {
      s.setInt(1, quantity);
      s.setString(2, sku);
      s.setInt(3, quantity);
      reserved = s.executeUpdate() == 1;
    }
    ObjectNode payload = paid.payload().deepCopy();
    payload.remove("chargeId");
    if (reserved) {
      try (PreparedStatement s = c.prepareStatement(
          "insert into reservations (order_id, sku, quantity, status) values (?, ?, ?, 'RESERVED')")) {
        s.setString(1, paid.orderId());
        s.setString(2, sku);
        s.setInt(3, quantity);
        s.executeUpdate();
      }
    }
    emit(c, paid, reserved ? Topics.STOCK_RESERVED : Topics.STOCK_INSUFFICIENT, payload);
  }

  private void release(Connection c, EventEnvelope failed) throws Exception {
    String sku;
    int quantity;
    try (PreparedStatement s = c.prepareStatement(
        "select sku, quantity from reservations where order_id = ? and status = 'RESERVED' for update")) {
      s.setString(1, failed.orderId());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        sku = rs.getString(1);
        quantity = rs.getInt(2);
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "update reservations set status = 'RELEASED' where order_id = ?")) {
      s.setString(1, failed.orderId());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("update stock set available = available + ? where sku = ?")) {
      s.setInt(1, quantity);
      s.setString(2, sku);
      s.executeUpdate();
    }
    emit(c, failed, Topics.STOCK_RELEASED, failed.payload().deepCopy().put("sku", sku).put("quantity", quantity));
  }

  private void emit(Connection c, EventEnvelope cause, String type, ObjectNode payload) throws Exception {
    kit.outbox().append(c, Topics.STOCK,
        cause.cause(kit.newId(), type, kit.clock().instant(), kit.config().serviceName(), payload));
  }
}
