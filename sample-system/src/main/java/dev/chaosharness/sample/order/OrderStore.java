package dev.chaosharness.sample.order;

import dev.chaosharness.sample.kit.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The order service's tables: orders and idempotency keys.
 *
 * <p>Stateless; every method works inside the caller's transaction.
 */
final class OrderStore {

  /** A stored placement answer. */
  record Placement(String requestHash, UUID orderId) {
  }

  /** An order row. */
  record Order(UUID orderId, String status, String failureReason, String customerId, String sku, int quantity,
      boolean synthetic, Instant createdAt, Instant updatedAt) {
  }

  private OrderStore() {
  }

  static Optional<Placement> findPlacement(Connection c, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select request_hash, order_id from idempotency_keys where key = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Placement(rs.getString(1), rs.getObject(2, UUID.class))) : Optional.empty();
      }
    }
  }

  static void insert(Connection c, String key, String hash, UUID orderId, OrderRequest request, boolean synthetic,
      Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "insert into idempotency_keys (key, request_hash, order_id) values (?, ?, ?)")) {
      s.setString(1, key);
      s.setString(2, hash);
      s.setObject(3, orderId);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("insert into orders (order_id, customer_id, sku, quantity, "
        + "shipping_address, synthetic, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
      s.setObject(1, orderId);
      s.setString(2, request.customerId());
      s.setString(3, request.sku());
      s.setInt(4, request.quantity());
      s.setString(5, request.shippingAddress());
      s.setBoolean(6, synthetic);
      s.setTimestamp(7, Timestamp.from(now));
      s.setTimestamp(8, Timestamp.from(now));
      s.executeUpdate();
    }
  }

  static Optional<Order> find(Connection c, UUID orderId, boolean forUpdate) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select order_id, status, failure_reason, customer_id, sku, quantity,"
        + " synthetic, created_at, updated_at from orders where order_id = ?" + (forUpdate ? " for update" : ""))) {
      s.setObject(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9).toInstant()));
      }
    }
  }

  static void finish(Connection c, UUID orderId, String status, String reason, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update orders set status = ?, failure_reason = ?, updated_at = ? where order_id = ?")) {
      s.setString(1, status);
      s.setString(2, reason);
      s.setTimestamp(3, Timestamp.from(now));
      s.setObject(4, orderId);
      s.executeUpdate();
    }
  }

  static String toJson(Order order) {
    var node = EventCodec.JSON.createObjectNode()
        .put("orderId", order.orderId().toString())
        .put("status", order.status())
        .put("failureReason", order.failureReason())
        .put("customerId", order.customerId())
        .put("sku", order.sku())
        .put("quantity", order.quantity())
        .put("synthetic", order.synthetic())
        .put("createdAt", order.createdAt().toString())
        .put("updatedAt", order.updatedAt().toString());
    return node.toString();
  }
}
