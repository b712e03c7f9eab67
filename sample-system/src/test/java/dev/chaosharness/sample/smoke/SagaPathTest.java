package dev.chaosharness.sample.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SagaPathTest {

  @Test
  void should_pick_every_path_in_a_seeded_mix() {
    // given
    SplittableRandom random = new SplittableRandom(42);
    Map<SagaPath, Integer> counts = new EnumMap<>(SagaPath.class);

    // when
    for (int i = 0; i < 1000; i++) {
      counts.merge(SagaPath.pick(random), 1, Integer::sum);
    }

    // then
    assertThat(counts).containsOnlyKeys(SagaPath.values());
    assertThat(counts.get(SagaPath.SUCCESS)).isBetween(650, 750);
  }

  @Test
  void should_explain_only_the_outcome_the_inputs_choose() {
    assertThat(SagaPath.SUCCESS.explains("COMPLETED", null)).isTrue();
    assertThat(SagaPath.SUCCESS.explains("FAILED", "payment declined: card_declined")).isFalse();
    assertThat(SagaPath.DECLINED.explains("FAILED", "payment declined: card_declined")).isTrue();
    assertThat(SagaPath.OUT_OF_STOCK.explains("FAILED", "shipment failed: x")).isFalse();
    assertThat(SagaPath.UNDELIVERABLE.explains("FAILED", "shipment failed: address is undeliverable")).isTrue();
    assertThat(SagaPath.UNDELIVERABLE.explains("COMPLETED", null)).isFalse();
  }

  @Test
  void should_take_the_nearest_rank_percentile() {
    List<Long> nanos = List.of(1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L);
    assertThat(SmokeRun.percentileMillis(nanos, 0.5)).isEqualTo(2);
    assertThat(SmokeRun.percentileMillis(nanos, 0.99)).isEqualTo(4);
    assertThat(SmokeRun.percentileMillis(List.of(), 0.99)).isZero();
  }

  @Test
  void should_echo_the_bad_value_when_a_setting_is_invalid() {
    assertThatThrownBy(() -> new SmokeSettings(URI.create("http://x"), "k", 0, 10, 1, "r", Duration.ofSeconds(1)))
        .hasMessage("orders must be at least 1, but was 0");
    assertThatThrownBy(() -> new SmokeSettings(URI.create("http://x"), "k", 1, -2, 1, "r", Duration.ofSeconds(1)))
        .hasMessage("rate must be a positive number of orders per second, but was -2.0");
  }

  @Test
  void should_render_one_json_line_with_the_contract_fields() {
    SmokeReport report = new SmokeReport(10, 7, 3, 0, 0, 0, 120, 480, 9.5, List.of());
    assertThat(report.toJson()).isEqualTo("{\"orders\":10,\"completed\":7,\"failed\":3,\"stuck\":0,\"rejected\":0,"
        + "\"unexplained\":0,\"p50_ms\":120,\"p99_ms\":480,\"sagas_per_s\":9.5,\"problems\":[]}");
    assertThat(report.ok()).isTrue();
    assertThat(new SmokeReport(10, 7, 2, 1, 0, 0, 1, 1, 1, List.of("x")).ok()).isFalse();
  }
}
