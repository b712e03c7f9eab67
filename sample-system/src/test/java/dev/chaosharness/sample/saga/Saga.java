package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.sample.kit.EventEnvelope;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Test helpers over the running shop: place orders, await outcomes, check causation. */
final class Saga {

  /** The contract's {@code follows}: event type to the types its causation event may have. */
  static final Map<String, List<String>> FOLLOWS = Map.of(
      "PaymentProcessed", List.of("OrderCreated"),
      "PaymentDeclined", List.of("OrderCreated"),
      "StockReserved", List.of("PaymentProcessed"),
      "StockInsufficient", List.of("PaymentProcessed"),
      "ShipmentScheduled", List.of("StockReserved"),
      "ShipmentFailed", List.of("StockReserved"),
      "PaymentRefunded", List.of("StockInsufficient", "ShipmentFailed"),
      "StockReleased", List.of("ShipmentFailed"),
      "OrderCompleted", List.of("ShipmentScheduled"),
      "OrderFailed", List.of("PaymentDeclined", "StockInsufficient", "ShipmentFailed"));

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Saga() {
  }

  static String place(SampleShop shop, String body) throws Exception {
    HttpResponse<String> response = shop.placeOrder(UUID.randomUUID().toString(), body, true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return dev.chaosharness.sample.kit.EventCodec.JSON.readTree(response.body()).path("orderId").asText();
  }

  static String awaitStatus(SampleShop shop, String orderId) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(
        () -> shop.getJson("order", "/orders/" + orderId).path("status").asText(),
        status -> !status.equals("PENDING"));
  }

  static List<EventEnvelope> awaitEvents(SampleShop shop, String orderId, int count) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
        .until(() -> byTime(shop.log.events(orderId)), events -> events.size() >= count);
  }

  static List<EventEnvelope> byTime(List<EventEnvelope> events) {
    return events.stream().sorted(Comparator.comparing(EventEnvelope::occurredAt)).toList();
  }

  static List<String> types(List<EventEnvelope> events) {
    return events.stream().map(EventEnvelope::type).toList();
  }

  /** Asserts that every event but the first was caused by an event of this saga of an allowed type. */
  static void assertCausation(List<EventEnvelope> events) {
    Map<UUID, EventEnvelope> byId = events.stream().collect(Collectors.toMap(EventEnvelope::eventId,
        Function.identity()));
    for (EventEnvelope event : events) {
      if (event.type().equals("OrderCreated")) {
        assertThat(event.causationId()).isNull();
        continue;
      }
      EventEnvelope cause = byId.get(event.causationId());
      assertThat(cause).as("cause of %s", event.type()).isNotNull();
      assertThat(FOLLOWS.get(event.type())).as("allowed causes of %s", event.type()).contains(cause.type());
      assertThat(cause.occurredAt()).isBeforeOrEqualTo(event.occurredAt());
    }
  }
}
