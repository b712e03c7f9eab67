package dev.chaosharness.sample.shipping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.EventHandler;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Set;

/**
 * The shipping service: schedules a shipment for {@code StockReserved} ({@code ShipmentScheduled}),
 * or fails it for an address containing {@code UNDELIVERABLE} ({@code ShipmentFailed}).
 *
 * <p>Thread-safe.
 */
public final class ShippingService implements SampleService {

  private final ServiceKit kit;

  /**
   * Creates the service.
   *
   * @param kit the started kit
   */
  public ShippingService(ServiceKit kit) {
    this.kit = kit;
  }

  @Override
  public Set<String> topics() {
    return Set.of(Topics.STOCK);
  }

  @Override
  public Map<String, EventHandler> handlers() {
    return Map.of(Topics.STOCK_RESERVED, this::schedule);
  }

  private void schedule(Connection c, EventEnvelope reserved) throws Exception {
    String address = reserved.payload().path("shippingAddress").asText();
    boolean deliverable = !address.contains("UNDELIVERABLE");
    try (PreparedStatement s = c.prepareStatement(
        "insert into shipments (order_id, address, status) values (?, ?, ?)")) {
      s.setString(1, reserved.orderId());
      s.setString(2, address);
      s.setString(3, deliverable ? "SCHEDULED" : "FAILED");
      s.executeUpdate();
    }
    ObjectNode payload = reserved.payload().deepCopy();
    if (!deliverable) {
      payload.put("reason", "address is undeliverable");
    }
    kit.outbox().append(c, Topics.SHIPPING, reserved.cause(kit.newId(),
        deliverable ? Topics.SHIPMENT_SCHEDULED : Topics.SHIPMENT_FAILED, kit.clock().instant(),
        kit.config().serviceName(), payload));
  }
}
