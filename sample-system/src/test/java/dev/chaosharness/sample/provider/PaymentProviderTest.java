package dev.chaosharness.sample.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.RunningService;
import dev.chaosharness.sample.kit.ServiceConfig;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Tracing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentProviderTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static RunningService provider;

  @BeforeAll
  static void start() {
    provider = ServiceKit.start(ServiceConfig.fromEnv(Map.of(), "payment-provider"),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SplittableRandom(7),
        Tracing.create("payment-provider", ""), PaymentProvider::new);
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void should_charge_once_and_answer_the_same_when_the_key_is_reused() throws Exception {
    // when
    HttpResponse<String> first = post("/charges", "key-1", "{\"amountCents\":1000,\"cardNumber\":\"4242424242424242\"}");
    HttpResponse<String> second = post("/charges", "key-1", "{\"amountCents\":1000,\"cardNumber\":\"4242424242424242\"}");

    // then
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(EventCodec.JSON.readTree(first.body()).path("status").asText()).isEqualTo("APPROVED");
    long charges = 0;
    for (var charge : EventCodec.JSON.readTree(get("/charges").body())) {
      if (charge.path("idempotencyKey").asText().equals("key-1")) {
        charges++;
      }
    }
    assertThat(charges).isEqualTo(1);
  }

  @Test
  void should_decline_with_402_when_the_card_is_the_declining_test_card() throws Exception {
    // when
    HttpResponse<String> answer = post("/charges", "key-2", "{\"amountCents\":1000,\"cardNumber\":\"4000000000000002\"}");

    // then
    assertThat(answer.statusCode()).isEqualTo(402);
    assertThat(EventCodec.JSON.readTree(answer.body()).path("reason").asText()).isEqualTo("card_declined");
  }

  @Test
  void should_answer_400_naming_the_header_when_the_key_is_missing() throws Exception {
    // when
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/charges"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo("{\"error\":\"header Idempotency-Key is required\",\"field\":\"Idempotency-Key\"}");
  }

  @Test
  void should_serve_health_and_prometheus_metrics_tagged_with_the_service() throws Exception {
    // given
    post("/charges", "key-3", "{\"amountCents\":1,\"cardNumber\":\"4242424242424242\"}");

    // when
    HttpResponse<String> health = get("/health");
    HttpResponse<String> metrics = get("/metrics");

    // then
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"service\":\"payment-provider\"}");
    assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"POST\",service=\"payment-provider\","
        + "status=\"201\",uri=\"/charges\"}");
  }

  private static HttpResponse<String> post(String path, String key, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + provider.port() + path);
  }
}
