package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosharness.sample.kit.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SagaPathsTest {

  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @Test
  void should_complete_with_the_five_events_in_causal_order_when_everything_succeeds() throws Exception {
    // given
    String orderId = Saga.place(shop, order("SKU-001", 2, "4242424242424242", "1 Test Street"));

    // when
    String status = Saga.awaitStatus(shop, orderId);
    List<EventEnvelope> events = Saga.awaitEvents(shop, orderId, 5);

    // then
    assertThat(status).isEqualTo("COMPLETED");
    assertThat(Saga.types(events))
        .containsExactly("OrderCreated", "PaymentProcessed", "StockReserved", "ShipmentScheduled", "OrderCompleted");
    Saga.assertCausation(events);
    assertThat(events).allSatisfy(e -> assertThat(e.synthetic()).isTrue());
    assertThat(shop.log.forOrder(orderId)).allSatisfy(r -> assertThat(r.traceparent()).isNotNull());
    assertViewsMatch(orderId, "COMPLETED");
  }

  @Test
  void should_fail_without_compensation_when_the_card_is_declined() throws Exception {
    // given
    String orderId = Saga.place(shop, order("SKU-002", 1, "4000000000000002", "1 Test Street"));

    // when
    String status = Saga.awaitStatus(shop, orderId);
    List<EventEnvelope> events = Saga.awaitEvents(shop, orderId, 3);

    // then
    assertThat(status).isEqualTo("FAILED");
    assertThat(Saga.types(events)).containsExactly("OrderCreated", "PaymentDeclined", "OrderFailed");
    Saga.assertCausation(events);
    assertThat(shop.getJson("order", "/orders/" + orderId).path("failureReason").asText())
        .isEqualTo("payment declined: card_declined");
    assertViewsMatch(orderId, "FAILED");
  }

  @Test
  void should_fail_and_refund_the_payment_when_the_sku_is_out_of_stock() throws Exception {
    // given
    String orderId = Saga.place(shop, order("SKU-EMPTY", 1, "4242424242424242", "1 Test Street"));

    // when
    String status = Saga.awaitStatus(shop, orderId);
    List<EventEnvelope> events = Saga.awaitEvents(shop, orderId, 5);

    // then
    assertThat(status).isEqualTo("FAILED");
    assertThat(Saga.types(events).subList(0, 3)).containsExactly("OrderCreated", "PaymentProcessed",
        "StockInsufficient");
    assertThat(Saga.types(events).subList(3, 5)).containsExactlyInAnyOrder("OrderFailed", "PaymentRefunded");
    Saga.assertCausation(events);
    assertViewsMatch(orderId, "FAILED");
  }

  @Test
  void should_fail_release_stock_and_refund_when_the_address_is_undeliverable() throws Exception {
    // given
    String orderId = Saga.place(shop, order("SKU-003", 1, "4242424242424242", "9 UNDELIVERABLE Road"));

    // when
    String status = Saga.awaitStatus(shop, orderId);
    List<EventEnvelope> events = Saga.awaitEvents(shop, orderId, 7);

    // then
    assertThat(status).isEqualTo("FAILED");
    assertThat(Saga.types(events).subList(0, 4)).containsExactly("OrderCreated", "PaymentProcessed",
        "StockReserved", "ShipmentFailed");
    assertThat(Saga.types(events).subList(4, 7))
        .containsExactlyInAnyOrder("OrderFailed", "StockReleased", "PaymentRefunded");
    Saga.assertCausation(events);
    assertViewsMatch(orderId, "FAILED");
  }

  @Test
  void should_carry_one_trace_through_every_service_when_the_client_sends_a_traceparent() throws Exception {
    // given
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(shop.uri("order", "/orders"))
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(order("SKU-004", 1, "4242424242424242", "1 Street")))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    String orderId = dev.chaosharness.sample.kit.EventCodec.JSON.readTree(response.body()).path("orderId").asText();

    // when
    Saga.awaitEvents(shop, orderId, 5);

    // then
    assertThat(shop.log.forOrder(orderId)).allSatisfy(r -> assertThat(r.traceparent()).contains(traceId));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(shop.traces.servicesWithSpansOf(traceId, List.of("order", "payment", "stock", "shipping", "bff")))
            .isEqualTo(Set.of("order", "payment", "stock", "shipping", "bff")));
  }

  private static void assertViewsMatch(String orderId, String status) {
    await().atMost(Saga.TIMEOUT).untilAsserted(() -> {
      JsonNode web = shop.getJson("bff", "/web/orders/" + orderId);
      JsonNode mobile = shop.getJson("bff", "/mobile/orders/" + orderId);
      JsonNode order = shop.getJson("order", "/orders/" + orderId);
      assertThat(web.path("status").asText()).isEqualTo(status);
      assertThat(mobile.path("status").asText()).isEqualTo(status);
      assertThat(web.path("failureReason").isNull() ? null : web.path("failureReason").asText())
          .isEqualTo(order.path("failureReason").isNull() ? null : order.path("failureReason").asText());
      assertThat(web.path("sku").asText()).isEqualTo(order.path("sku").asText());
      assertThat(mobile.path("item").asText()).isEqualTo(order.path("quantity").asInt() + " x "
          + order.path("sku").asText());
    });
  }
}
