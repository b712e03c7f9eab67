package dev.chaosharness.sample.kit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The inbox table: remembers consumed event ids so that a redelivered event changes nothing.
 *
 * <p>Stateless and thread-safe.
 */
final class Inbox {

  private Inbox() {
  }

  /**
   * Marks an event consumed in the caller's transaction.
   *
   * @return true when the event is new, false when it was consumed before
   */
  static boolean markNew(Connection connection, UUID eventId, String type) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into inbox (event_id, type) values (?, ?) on conflict (event_id) do nothing")) {
      insert.setObject(1, eventId);
      insert.setString(2, type);
      return insert.executeUpdate() == 1;
    }
  }
}
