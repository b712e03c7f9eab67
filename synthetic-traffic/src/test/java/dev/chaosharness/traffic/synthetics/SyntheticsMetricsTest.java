package dev.chaosharness.traffic.synthetics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.traffic.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticsMetricsTest {

  private static CycleReport report(boolean success, long ok, long failed) {
    return new CycleReport("place-order", 0, 5, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(12_500),
        success, Map.of(RequestOutcome.OK, ok, RequestOutcome.SERVER_ERROR, failed), success ? List.of() : List.of("x"));
  }

  @Test
  void should_expose_last_verdict_and_totals_when_cycles_were_recorded() {
    // given
    SyntheticsMetrics metrics = new SyntheticsMetrics();
    // when
    metrics.record(report(true, 10, 0));
    metrics.record(report(false, 7, 3));
    String text = metrics.render();
    // then
    assertThat(text)
        .contains("# TYPE synthetic_check_success gauge\nsynthetic_check_success{scenario=\"place-order\"} 0\n")
        .contains("synthetic_check_duration_seconds{scenario=\"place-order\"} 12.500\n")
        .contains("synthetic_check_last_run_timestamp_seconds{scenario=\"place-order\"} 1767225600\n")
        .contains("synthetic_checks_total{scenario=\"place-order\",result=\"failure\"} 1\n")
        .contains("synthetic_checks_total{scenario=\"place-order\",result=\"success\"} 1\n")
        .contains("synthetic_requests_total{scenario=\"place-order\",outcome=\"ok\"} 17\n")
        .contains("synthetic_requests_total{scenario=\"place-order\",outcome=\"server-error\"} 3\n")
        .contains("synthetic_requests_total{scenario=\"place-order\",outcome=\"no-response\"} 0\n");
  }

  @Test
  void should_write_one_json_line_when_a_cycle_is_reported() {
    // when
    String line = report(false, 7, 3).toJsonLine();
    // then
    assertThat(line).isEqualTo("{\"time\":\"2026-01-01T00:00:00Z\",\"scenario\":\"place-order\",\"cycle\":0,\"seed\":5,"
        + "\"success\":false,\"durationSeconds\":12.5,\"requests\":{\"ok\":7,\"client-error\":0,\"server-error\":3,"
        + "\"no-response\":0},\"problems\":[\"x\"]}");
  }
}
