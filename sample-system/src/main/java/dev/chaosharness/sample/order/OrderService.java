package dev.chaosharness.sample.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.ApiError;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.EventHandler;
import dev.chaosharness.sample.kit.HttpRoutes;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The order service: {@code POST /orders} starts a saga with {@code OrderCreated}; the terminal
 * events of the other services end it with {@code OrderCompleted} or {@code OrderFailed}.
 *
 * <p>Thread-safe.
 */
public final class OrderService implements SampleService {

  private final ServiceKit kit;
  private final OrderPlacement placement;

  /**
   * Creates the service.
   *
   * @param kit the started kit
   */
  public OrderService(ServiceKit kit) {
    this.kit = kit;
    this.placement = new OrderPlacement(kit, kit.config().defects().has(Defects.ORDER_NO_OUTBOX));
  }

  @Override
  public void routes(HttpRoutes routes) {
    routes.post("/orders", placement::place);
    routes.get("/orders/{orderId}", this::get);
  }

  private void get(Context ctx) throws Exception {
    UUID orderId = parseId(ctx.pathParam("orderId"));
    Optional<OrderStore.Order> order = kit.database().inTransaction(c -> OrderStore.find(c, orderId, false));
    if (order.isEmpty()) {
      throw new ApiError(404, "orderId", "order " + orderId + " does not exist");
    }
    HttpRoutes.json(ctx, 200, OrderStore.toJson(order.get()));
  }

  static UUID parseId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "orderId", "orderId must be a UUID, but was '" + text + "'");
    }
  }

  @Override
  public Set<String> topics() {
    return Set.of(Topics.PAYMENTS, Topics.STOCK, Topics.SHIPPING);
  }

  @Override
  public Map<String, EventHandler> handlers() {
    return Map.of(
        Topics.PAYMENT_DECLINED, (c, e) -> finish(c, e, "payment declined: " + e.payload().path("reason").asText()),
        Topics.STOCK_INSUFFICIENT, (c, e) -> finish(c, e, "out of stock: " + e.payload().path("sku").asText()),
        Topics.SHIPMENT_FAILED, (c, e) -> finish(c, e, "shipment failed: " + e.payload().path("reason").asText()),
        Topics.SHIPMENT_SCHEDULED, (c, e) -> finish(c, e, null));
  }

  private void finish(Connection c, EventEnvelope cause, String failureReason) throws SQLException {
    UUID orderId = parseId(cause.orderId());
    Optional<OrderStore.Order> order = OrderStore.find(c, orderId, true);
    if (order.isEmpty() || !"PENDING".equals(order.get().status())) {
      return;
    }
    Instant now = kit.clock().instant();
    boolean completed = failureReason == null;
    OrderStore.finish(c, orderId, completed ? "COMPLETED" : "FAILED", failureReason, now);
    ObjectNode payload = EventCodec.JSON.createObjectNode();
    if (!completed) {
      payload.put("reason", failureReason);
    }
    kit.outbox().append(c, Topics.ORDERS, cause.cause(kit.newId(),
        completed ? Topics.ORDER_COMPLETED : Topics.ORDER_FAILED, now, kit.config().serviceName(), payload));
    kit.metrics().sagaCompleted(completed ? "completed" : "failed",
        Duration.between(order.get().createdAt(), now));
  }
}
