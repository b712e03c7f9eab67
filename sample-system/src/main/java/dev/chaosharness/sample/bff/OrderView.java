package dev.chaosharness.sample.bff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.EventCodec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One row of the bff's order view.
 *
 * <p>Immutable.
 */
record OrderView(String orderId, String status, String customerId, String sku, int quantity, String payment,
    String stock, String shipment, String failureReason, boolean synthetic, String[] events, String updatedAt) {

  static Optional<OrderView> find(Connection c, String orderId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select order_id, status, customer_id, sku, quantity, payment, "
        + "stock, shipment, failure_reason, synthetic, events, updated_at from order_view where order_id = ?")) {
      s.setString(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Array events = rs.getArray(11);
        return Optional.of(new OrderView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
            (String[]) events.getArray(), rs.getTimestamp(12).toInstant().toString()));
      }
    }
  }

  String toWebJson() {
    ObjectNode node = EventCodec.JSON.createObjectNode()
        .put("orderId", orderId)
        .put("status", status)
        .put("failureReason", failureReason)
        .put("customerId", customerId)
        .put("sku", sku)
        .put("quantity", quantity)
        .put("payment", payment)
        .put("stock", stock)
        .put("shipment", shipment)
        .put("synthetic", synthetic)
        .put("updatedAt", updatedAt);
    ArrayNode history = node.putArray("events");
    for (String event : events) {
      history.add(event);
    }
    return node.toString();
  }

  String toMobileJson() {
    return EventCodec.JSON.createObjectNode()
        .put("id", orderId)
        .put("status", status)
        .put("item", quantity + " x " + sku)
        .toString();
  }
}
