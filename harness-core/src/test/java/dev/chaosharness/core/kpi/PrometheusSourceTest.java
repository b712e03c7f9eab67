package dev.chaosharness.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrometheusSourceTest {

  private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

  static String exposition(double started, double lag, double le01, double le05, double inf) {
    return """
        # HELP saga_started_total Sagas started
        # TYPE saga_started_total counter
        saga_started_total{service="order",synthetic="true"} %s
        saga_started_total{service="order",synthetic="false"} 1.0 1732237200000
        # TYPE kafka_consumer_lag gauge
        kafka_consumer_lag{group="payment",topic="orders.events",partition="0"} %s
        kafka_consumer_lag{group="payment",topic="orders.events",partition="1"} 2
        # TYPE saga_duration_seconds histogram
        saga_duration_seconds_bucket{service="order",le="0.1"} %s
        saga_duration_seconds_bucket{service="order",le="0.5"} %s
        saga_duration_seconds_bucket{service="order",le="+Inf"} %s
        saga_duration_seconds_sum{service="order"} 12.5
        saga_duration_seconds_count{service="order"} %s
        """.formatted(started, lag, le01, le05, inf, inf);
  }

  @Test
  void should_parse_labels_escapes_special_values_and_types_when_reading_the_text_format() {
    // when
    PrometheusText.Exposition parsed = PrometheusText.parse(
        "# TYPE up gauge\nup{job=\"a \\\"b\\\"\",path=\"c\\\\d\"} +Inf\nother NaN\nneg -Inf 123\n");
    // then
    assertThat(parsed.typeOf("up")).isEqualTo("gauge");
    assertThat(parsed.typeOf("other")).isEqualTo("untyped");
    assertThat(parsed.samples().get(0).labels()).containsExactly(Map.entry("job", "a \"b\""), Map.entry("path", "c\\d"));
    assertThat(parsed.samples().get(0).value()).isInfinite();
    assertThat(parsed.samples().get(1).value()).isNaN();
    assertThat(parsed.samples().get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void should_name_the_line_when_the_text_format_is_malformed() {
    // when / then
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbad{job=\"x\" 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metrics line 2: expected a label name at column 13 in 'bad{job=\"x\" 1'");
    assertThatThrownBy(() -> PrometheusText.parse("bad one"))
        .hasMessage("metrics line 1: expected a number, +Inf, -Inf or NaN as the value, but was 'one' in 'bad one'");
  }

  @Test
  void should_turn_counters_into_rates_histograms_into_percentiles_and_keep_gauges() {
    // given
    PrometheusSource source = PrometheusSource.of("order", URI.create("http://127.0.0.1:1/metrics"));
    source.named(PrometheusText.parse(exposition(10, 3, 0, 0, 0)), T0);
    // when
    Map<String, Double> values = source.named(PrometheusText.parse(exposition(30, 5, 50, 90, 100)), T0.plusSeconds(2));
    Map<String, Double> afterReset = source.named(PrometheusText.parse(exposition(4, 5, 50, 90, 100)), T0.plusSeconds(4));
    // then
    assertThat(values.get("order:saga_started_total.rate")).isEqualTo(10.0);
    assertThat(values.get("order:kafka_consumer_lag")).isEqualTo(7.0);
    assertThat(values.get("order:saga_duration_seconds.p50")).isCloseTo(0.1, within(1e-9));
    assertThat(values.get("order:saga_duration_seconds.p90")).isCloseTo(0.5, within(1e-9));
    assertThat(values.get("order:saga_duration_seconds.p99")).isCloseTo(0.5, within(1e-9));
    assertThat(values).doesNotContainKeys("order:saga_duration_seconds_sum", "order:saga_duration_seconds_count");
    assertThat(afterReset.get("order:saga_started_total.rate")).isEqualTo(2.5);
    assertThat(afterReset.get("order:saga_duration_seconds.p50")).isNaN();
  }

  @Test
  void should_interpolate_within_the_bucket_when_computing_a_quantile() {
    // given
    java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>(Map.of(1.0, 10.0, 2.0, 30.0, Double.POSITIVE_INFINITY, 30.0));
    // when / then
    assertThat(TargetMetrics.quantile(0.5, buckets)).isCloseTo(1.25, within(1e-9));
    assertThat(TargetMetrics.quantile(0.2, buckets)).isCloseTo(0.6, within(1e-9));
  }

  @Test
  void should_scrape_a_real_endpoint_and_yield_nothing_when_it_fails() throws IOException {
    // given
    AtomicReference<String> body = new AtomicReference<>(exposition(10, 3, 0, 0, 0));
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status.get(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    try {
      PrometheusSource source = PrometheusSource.of("order",
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"));
      // when
      Map<String, Double> first = source.read(T0);
      body.set(exposition(20, 3, 0, 0, 0));
      Map<String, Double> second = source.read(T0.plusSeconds(1));
      status.set(500);
      Map<String, Double> failed = source.read(T0.plusSeconds(2));
      // then
      assertThat(first).containsEntry("order:kafka_consumer_lag", 5.0).doesNotContainKey("order:saga_started_total.rate");
      assertThat(second).containsEntry("order:saga_started_total.rate", 10.0);
      assertThat(failed).isEmpty();
    } finally {
      server.stop(0);
    }
  }
}
