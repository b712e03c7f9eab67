package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficTallyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final TrafficPlan plan = TrafficPlan.builder().scenario("place-order")
      .baseUrl(URI.create("http://127.0.0.1:1")).rate(10).duration(Duration.ofSeconds(10))
      .assertions(new TrafficAssertions(99, Duration.ofMillis(100), 0.05)).build();

  private static TrafficRecord arrival(int n, long latencyMs, RequestOutcome outcome) {
    return new TrafficRecord(T0.plusMillis(100L * n), T0.plusMillis(100L * n), "place-order", n,
        outcome == RequestOutcome.OK ? "o-" + n : null, outcome == RequestOutcome.OK ? 201 : 503,
        Duration.ofMillis(latencyMs), outcome, null, "COMPLETED");
  }

  private static TrafficRecord poll(int n, String status) {
    return new TrafficRecord(T0.plusMillis(100L * n + 50), T0.plusMillis(100L * n + 50), "get-order", n,
        "o-" + n, 200, Duration.ofMillis(5), RequestOutcome.OK, status, null);
  }

  private TrafficResult tally(List<TrafficRecord> records) {
    TrafficTally tally = new TrafficTally(plan);
    records.forEach(tally::add);
    return tally.result(TrafficStatus.COMPLETED, Path.of("run"), Path.of("run/traffic.jsonl"), null, List.of());
  }

  @Test
  void should_count_outcomes_orders_and_rate_when_every_arrival_was_on_time() {
    // given: 100 arrivals over 10 s, 98 accepted and polled to an end, 2 refused
    List<TrafficRecord> records = new java.util.ArrayList<>();
    for (int n = 0; n < 100; n++) {
      boolean refused = n % 50 == 49;
      records.add(arrival(n, 10, refused ? RequestOutcome.SERVER_ERROR : RequestOutcome.OK));
      if (!refused) {
        records.add(poll(n, n < 90 ? "COMPLETED" : n < 97 ? "FAILED" : "PENDING"));
      }
    }
    // when
    TrafficResult result = tally(records);
    // then
    assertThat(result.arrivals()).isEqualTo(100);
    assertThat(result.requestsByOutcome()).isEqualTo(Map.of(RequestOutcome.OK, 196L, RequestOutcome.SERVER_ERROR, 2L));
    assertThat(result.ordersByStatus()).isEqualTo(Map.of("COMPLETED", 89L, "FAILED", 7L, "UNRESOLVED", 2L));
    assertThat(result.achievedRate()).isCloseTo(10.0, within(0.001));
    assertThat(result.rateRatio()).isCloseTo(1.0, within(0.001));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void should_fail_the_assertions_with_measured_values_when_latency_and_errors_are_too_high() {
    // given
    List<TrafficRecord> records = List.of(arrival(0, 10, RequestOutcome.OK), arrival(1, 500, RequestOutcome.NO_RESPONSE));
    // when
    TrafficResult result = tally(records);
    // then
    assertThat(result.passed()).isFalse();
    assertThat(result.assertions()).extracting(AssertionOutcome::toString).containsExactly(
        "FAIL p99 latency from intended send <= 100 ms (was 500 ms)",
        "FAIL failed requests <= 5% (was 50.00% of 2)");
  }

  @Test
  void should_rate_by_the_late_span_when_arrivals_were_sent_late() {
    // given: 100 arrivals due within 10 s, the last two sent at 20 s
    TrafficTally tally = new TrafficTally(plan);
    for (int n = 0; n < 98; n++) {
      tally.add(arrival(n, 10, RequestOutcome.OK));
    }
    for (int n = 98; n < 100; n++) {
      tally.add(new TrafficRecord(T0.plusMillis(100L * n), T0.plusSeconds(20), "place-order", n, "o-" + n, 201,
          Duration.ofMillis(20_000 - 100L * n + 10), RequestOutcome.OK, null, "COMPLETED"));
    }
    // when
    TrafficResult result = tally.result(TrafficStatus.COMPLETED, Path.of("run"), Path.of("log"), null, List.of());
    // then
    assertThat(result.achievedRate()).isCloseTo(5.0, within(0.001));
    assertThat(result.sendLagP99().toMillis()).isBetween(10_100L, 10_300L);
  }

  @Test
  void should_fail_both_assertions_when_nothing_was_sent() {
    // when
    TrafficResult result = tally(List.of());
    // then
    assertThat(result.passed()).isFalse();
    assertThat(result.latency()).isEqualTo(LatencySummary.empty());
    assertThat(result.achievedRate()).isZero();
  }
}
