package dev.chaosharness.sample.kit;

import java.util.Map;
import java.util.Set;

/**
 * One sample service on top of the {@link ServiceKit}: its routes and the events it consumes.
 *
 * <p>Implementations are created once per process and must be thread-safe: HTTP handlers run on
 * server threads, event handlers on the consumer thread.
 */
public interface SampleService {

  /**
   * Adds the service's HTTP routes ({@code /health} and {@code /metrics} are always there).
   *
   * @param routes the route registry
   */
  default void routes(HttpRoutes routes) {
  }

  /**
   * Returns the topics to consume.
   *
   * @return topic names; empty for no consumer
   */
  default Set<String> topics() {
    return Set.of();
  }

  /**
   * Returns the event handlers by event type.
   *
   * @return the handlers
   */
  default Map<String, EventHandler> handlers() {
    return Map.of();
  }

  /**
   * Prepares a poll's events before they are applied in one transaction, on the consumer thread:
   * a place to start, in parallel, work that needs no transaction (idempotent calls to external
   * systems). Handlers must still work when it was not called (events applied one by one).
   *
   * @param events the poll's events, in order
   */
  default void prepare(java.util.List<EventEnvelope> events) {
  }

  /**
   * Tells whether the consumer dedupes through the inbox.
   *
   * @return true unless a defect switches it off
   */
  default boolean dedupe() {
    return true;
  }

  /**
   * Tells whether the consumer keeps per-partition order.
   *
   * @return true unless a defect switches it off
   */
  default boolean ordered() {
    return true;
  }

  /**
   * Creates one service.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * Creates the service on its kit.
     *
     * @param kit the started kit
     * @return the service
     */
    SampleService create(ServiceKit kit);
  }
}
