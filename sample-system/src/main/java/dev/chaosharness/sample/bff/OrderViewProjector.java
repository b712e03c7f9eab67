package dev.chaosharness.sample.bff;

import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
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
    Map<String, Object> columns = new LinkedHashMap<>();
    switch (event.type()) {
      case Topics.ORDER_CREATED -> {
        columns.put("customer_id", event.payload().path("customerId").asText());
        columns.put("sku", event.payload().path("sku").asText());
        columns.put("quantity", event.payload().path("quantity").asInt());
      }
      case Topics.ORDER_COMPLETED -> columns.put("status", "COMPLETED");
      case Topics.ORDER_FAILED -> {
        columns.put("status", "FAILED");
        columns.put("failure_reason", event.payload().path("reason").asText());
      }
      default -> {
        String[] columnValue = COLUMN_VALUE.get(event.type());
        columns.put(columnValue[0], columnValue[1]);
      }
    }
    upsert(c, event, columns);
  }

  /** One statement per event: create the row if needed, append the event type, set its columns. */
  private void upsert(Connection c, EventEnvelope event, Map<String, Object> columns) throws SQLException {
    StringBuilder names = new StringBuilder();
    StringBuilder params = new StringBuilder();
    StringBuilder updates = new StringBuilder();
    for (String column : columns.keySet()) {
      names.append(", ").append(column);
      params.append(", ?");
      updates.append(", ").append(column).append(" = excluded.").append(column);
    }
    String status = columns.containsKey("status") ? "" : ", status";
    String sql = "insert into order_view (order_id, synthetic, events, updated_at" + status + names
        + ") values (?, ?, array[?]::text[], ?" + (status.isEmpty() ? "" : ", 'PENDING'") + params
        + ") on conflict (order_id) do update set events = order_view.events || excluded.events,"
        + " updated_at = excluded.updated_at" + updates;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, event.orderId());
      s.setBoolean(2, event.synthetic());
      s.setString(3, event.type());
      s.setTimestamp(4, Timestamp.from(clock.instant()));
      int i = 5;
      for (Object value : columns.values()) {
        s.setObject(i++, value);
      }
      s.executeUpdate();
    }
  }
}
