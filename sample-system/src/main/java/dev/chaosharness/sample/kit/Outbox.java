package dev.chaosharness.sample.kit;

import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Writes outgoing events into the outbox table, inside the caller's transaction, with the current
 * trace context so the relay publishes under the span that caused the event.
 *
 * <p>Thread-safe.
 */
public final class Outbox {

  private final Tracing tracing;
  private final ThreadLocal<boolean[]> appended = ThreadLocal.withInitial(() -> new boolean[1]);

  /**
   * Creates the writer.
   *
   * @param tracing where the current context is rendered
   */
  public Outbox(Tracing tracing) {
    this.tracing = tracing;
  }

  /**
   * Appends an event; it is published once the transaction commits.
   *
   * @param connection the transaction's connection
   * @param topic the topic to publish on
   * @param event the event
   * @throws SQLException when the insert fails
   */
  public void append(Connection connection, String topic, EventEnvelope event) throws SQLException {
    Map<String, String> headers = tracing.inject(Context.current());
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into outbox (event_id, topic, order_id, type, envelope, traceparent) values (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, event.eventId());
      insert.setString(2, topic);
      insert.setString(3, event.orderId());
      insert.setString(4, event.type());
      insert.setBytes(5, EventCodec.encode(event));
      insert.setString(6, headers.get("traceparent"));
      insert.executeUpdate();
    }
    appended.get()[0] = true;
  }

  /**
   * Tells whether this thread appended since the last call, and forgets it; called after the
   * transaction committed to wake the relay. A rolled-back append only causes one needless wake-up.
   *
   * @return true when this thread appended an event since the last call
   */
  boolean takeAppended() {
    boolean[] flag = appended.get();
    boolean was = flag[0];
    flag[0] = false;
    return was;
  }
}
