package dev.chaosharness.sample.bff;

import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Folds the saga's events into the order view. Each event sets only the columns it knows, so the
 * view converges whatever order the four topics are read in; a terminal status is never undone.
 *
 * <p>Stateless apart from the clock; thread-safe.
 */
final class OrderViewProjector {

  /** The event types the view follows. */
  static final List<String> TYPES = List.of(Topics.ORDER_CREATED, Topics.ORDER_COMPLETED, Topics.ORDER_FAILED,
      Topics.PAYMENT_PROCESSED, Topics.PAYMENT_DECLINED, Topics.PAYMENT_REFUNDED, Topics.STOCK_RESERVED,
      Topics.STOCK_INSUFFICIENT, Topics.STOCK_RELEASED, Topics.SHIPMENT_SCHEDULED, Topics.SHIPMENT_FAILED);

  private static final Map<String, String[]> COLUMN_VALUE = Map.ofEntries(
      Map.entry(Topics.PAYMENT_PROCESSED, new String[] {"payment", "CHARGED"}),
      Map.entry(Topics.PAYMENT_DECLINED, new String[] {"payment", "DECLINED"}),
      Map.entry(Topics.PAYMENT_REFUNDED, new String[] {"payment", "REFUNDED"}),
      Map.entry(Topics.STOCK_RESERVED, new String[] {"stock", "RESERVED"}),
      Map.entry(Topics.STOCK_INSUFFICIENT, new String[] {"stock", "INSUFFICIENT"}),
      Map.entry(Topics.STOCK_RELEASED, new String[] {"stock", "RELEASED"}),
      Map.entry(Topics.SHIPMENT_SCHEDULED, new String[] {"shipment", "SCHEDULED"}),
      Map.entry(Topics.SHIPMENT_FAILED, new String[] {"shipment", "FAILED"}));

  private final Clock clock;

  OrderViewProjector(Clock clock) {
    this.clock = clock;
  }

  void apply(Connection c, EventEnvelope event) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into order_view (order_id, status, synthetic, events, "
        + "updated_at) values (?, 'PENDING', ?, array[]::text[], ?) on conflict (order_id) do nothing")) {
      s.setString(1, event.orderId());
      s.setBoolean(2, event.synthetic());
      s.setTimestamp(3, Timestamp.from(clock.instant()));
      s.executeUpdate();
    }
    update(c, event.orderId(), "events = events || ?::text", event.type());
    switch (event.type()) {
      case Topics.ORDER_CREATED -> created(c, event);
      case Topics.ORDER_COMPLETED -> update(c, event.orderId(), "status = ?", "COMPLETED");
      case Topics.ORDER_FAILED -> {
        update(c, event.orderId(), "status = ?", "FAILED");
        update(c, event.orderId(), "failure_reason = ?", event.payload().path("reason").asText());
      }
      default -> {
        String[] columnValue = COLUMN_VALUE.get(event.type());
        update(c, event.orderId(), columnValue[0] + " = ?", columnValue[1]);
      }
    }
  }

  private void created(Connection c, EventEnvelope event) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update order_view set customer_id = ?, sku = ?, quantity = ? where order_id = ?")) {
      s.setString(1, event.payload().path("customerId").asText());
      s.setString(2, event.payload().path("sku").asText());
      s.setInt(3, event.payload().path("quantity").asInt());
      s.setString(4, event.orderId());
      s.executeUpdate();
    }
  }

  private void update(Connection c, String orderId, String assignment, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update order_view set " + assignment + ", updated_at = ? where order_id = ?")) {
      s.setString(1, value);
      s.setTimestamp(2, Timestamp.from(clock.instant()));
      s.setString(3, orderId);
      s.executeUpdate();
    }
  }
}
