package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderApiTest {

  private static final String VALID = order("SKU-010", 1, "4242424242424242", "1 Test Street");
  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @Test
  void should_answer_200_with_the_same_order_when_the_same_key_and_body_are_sent_again() throws Exception {
    // given
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = shop.placeOrder(key, VALID, true);

    // when
    HttpResponse<String> again = shop.placeOrder(key, VALID, true);

    // then
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  void should_answer_409_and_write_nothing_when_a_key_is_reused_with_another_body() throws Exception {
    // given
    String key = UUID.randomUUID().toString();
    shop.placeOrder(key, VALID, true);
    long[] before = counts();

    // when
    HttpResponse<String> reused = shop.placeOrder(key, VALID.replace("SKU-010", "SKU-011"), true);

    // then
    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(reused.body()).isEqualTo("{\"error\":\"Idempotency-Key '" + key + "' was already used with a different "
        + "request body; use a new key for a new order\",\"field\":\"Idempotency-Key\"}");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void should_answer_400_naming_the_field_and_write_nothing_when_the_input_is_bad() throws Exception {
    // given
    long[] before = counts();

    // when
    HttpResponse<String> malformed = shop.placeOrder(UUID.randomUUID().toString(), "{\"sku\":", true);
    HttpResponse<String> negative = shop.placeOrder(UUID.randomUUID().toString(),
        VALID.replace("\"quantity\":1", "\"quantity\":-3"), true);
    HttpResponse<String> unknownSku = shop.placeOrder(UUID.randomUUID().toString(),
        VALID.replace("SKU-010", "SKU-999"), true);
    HttpResponse<String> noKey = shop.placeOrder(null, VALID, true);

    // then
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"body\"").startsWith("{\"error\":\"request body is not valid JSON");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body())
        .isEqualTo("{\"error\":\"quantity must be within [1, 100], but was -3\",\"field\":\"quantity\"}");
    assertThat(unknownSku.statusCode()).isEqualTo(422);
    assertThat(unknownSku.body()).isEqualTo("{\"error\":\"sku 'SKU-999' is unknown; known SKUs are SKU-001..SKU-100 "
        + "and SKU-EMPTY\",\"field\":\"sku\"}");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).isEqualTo("{\"error\":\"header Idempotency-Key is required (1 to 200 characters)\","
        + "\"field\":\"Idempotency-Key\"}");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void should_answer_400_or_404_naming_order_id_when_getting_a_bad_or_unknown_order() throws Exception {
    // when
    HttpResponse<String> bad = shop.get("order", "/orders/not-a-uuid");
    HttpResponse<String> unknown = shop.get("order", "/orders/00000000-0000-4000-8000-000000000000");
    HttpResponse<String> bffUnknown = shop.get("bff", "/web/orders/00000000-0000-4000-8000-000000000000");

    // then
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"error\":\"orderId must be a UUID, but was 'not-a-uuid'\",\"field\":\"orderId\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo(
        "{\"error\":\"order 00000000-0000-4000-8000-000000000000 does not exist\",\"field\":\"orderId\"}");
    assertThat(bffUnknown.statusCode()).isEqualTo(404);
  }

  @Test
  void should_export_the_design_kpi_names_tagged_with_the_service_when_scraped() throws Exception {
    // given
    String orderId = Saga.place(shop, VALID);
    Saga.awaitStatus(shop, orderId);

    // when
    String order = shop.get("order", "/metrics").body();
    String payment = shop.get("payment", "/metrics").body();
    String bff = shop.get("bff", "/metrics").body();

    // then
    assertThat(order).contains("saga_started_total{service=\"order\"}", "saga_completed_total{outcome=\"completed\"",
        "saga_duration_seconds_bucket{", "events_published_total{service=\"order\",type=\"OrderCreated\"}",
        "outbox_backlog{service=\"order\"}", "http_server_requests_seconds_count{method=\"POST\"",
        "events_consumed_total{outcome=\"handled\",service=\"order\",type=\"ShipmentScheduled\"}",
        "kafka_consumer_fetch_manager_records_lag");
    assertThat(payment).contains("provider_calls_total{outcome=\"approved\",service=\"payment\"}");
    assertThat(bff).contains("events_consumed_total{outcome=\"handled\",service=\"bff\",type=\"OrderCompleted\"}");
  }

  /** Orders, idempotency keys and outbox rows in the order database. */
  private static long[] counts() throws Exception {
    try (Connection c = shop.connect("order");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select (select count(*) from orders), (select count(*) from idempotency_keys),"
            + " (select count(*) from outbox where type = 'OrderCreated')")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }
}
