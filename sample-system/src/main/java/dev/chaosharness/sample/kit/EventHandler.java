package dev.chaosharness.sample.kit;

import java.sql.Connection;

/**
 * Applies one consumed event's effect inside the inbox transaction; events it emits go to the
 * {@link Outbox} on the same connection, so effect, dedupe mark and outgoing events commit together.
 *
 * <p>Called on the consumer thread (or a worker under the {@code stock-unordered} defect).
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles an event.
   *
   * @param connection the transaction's connection
   * @param event the event
   * @throws Exception to roll back; a {@link TransientFailure} retries later, anything else
   *     retries twice and then sends the event to the fault topic
   */
  void handle(Connection connection, EventEnvelope event) throws Exception;
}
