package dev.chaosharness.core.kpi;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryMeterTest {

  private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
  private static final SteadyState HEALTHY = SteadyState.of(
      Probe.successRatioAtLeast(0.99).over(ofSeconds(3)), Probe.p99AtMost(ofMillis(500)));

  /** One sample per second; {@code ok[i]} successes of 100 and p99 {@code p99[i]} ms in second i. */
  private static Timeline timeline(int[] ok, int[] p99) {
    List<KpiSample> samples = new ArrayList<>();
    for (int i = 0; i < ok.length; i++) {
      samples.add(new KpiSample(i, T0.plusSeconds(i + 1), Map.of(Kpis.REQUESTS, 100.0, Kpis.SUCCESSES, (double) ok[i],
          Kpis.SUCCESS_RATIO, ok[i] / 100.0, Kpis.LATENCY_P99_MS, (double) p99[i])));
    }
    return Timeline.of(ofSeconds(1), samples);
  }

  @Test
  void should_measure_detect_recover_and_impact_when_a_fault_breaks_the_steady_state() {
    // given: fault at 3.5 s, reverted at 7.2 s; errors in seconds 4..7, slow until second 9
    int[] ok = {100, 100, 100, 100, 50, 60, 70, 80, 100, 100, 100, 100, 100, 100, 100};
    int[] p99 = {10, 10, 10, 10, 900, 900, 900, 900, 900, 600, 10, 10, 10, 10, 10};
    Timeline timeline = timeline(ok, p99);
    // when
    Recovery recovery = RecoveryMeter.of(HEALTHY, 3).measure(timeline, T0.plusMillis(3500), T0.plusMillis(7200));
    // then: first bad sample ends at 5 s; the ratio window (3 s) heals after second 10, p99 after second 9
    assertThat(recovery.timeToDetect()).contains(ofMillis(1500));
    assertThat(recovery.detectedAt()).contains(T0.plusSeconds(5));
    assertThat(recovery.failingProbe()).contains("requests.success_ratio >= 0.99 over 3.0 s");
    assertThat(recovery.recoveredAt()).contains(T0.plusSeconds(11));
    assertThat(recovery.timeToRecover()).contains(ofMillis(3800));
    assertThat(recovery.impactDuration()).isEqualTo(ofSeconds(6));
    assertThat(recovery.recoveredWithin(ofSeconds(4))).isTrue();
    assertThat(recovery.recoveredWithin(ofSeconds(3))).isFalse();
    assertThat(recovery.detectedWithin(ofSeconds(2))).isTrue();
    assertThatThrownBy(() -> recovery.assertRecoveredWithin(ofSeconds(3)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected recovery within 3.0 s of the revert at 2026-11-22T01:00:07.200Z, but it took 3.8 s "
            + "(first failing probe: requests.success_ratio >= 0.99 over 3.0 s)");
  }

  @Test
  void should_say_it_never_recovered_when_the_steady_state_stays_broken() {
    // given
    int[] ok = {100, 100, 40, 40, 40, 40, 40};
    int[] p99 = {10, 10, 10, 10, 10, 10, 10};
    // when
    Recovery recovery = RecoveryMeter.of(HEALTHY, 2).measure(timeline(ok, p99), T0.plusSeconds(2), T0.plusSeconds(4));
    // then
    assertThat(recovery.timeToRecover()).isEmpty();
    assertThat(recovery.impactDuration()).isEqualTo(ofSeconds(4));
    assertThatThrownBy(() -> recovery.assertRecoveredWithin(ofSeconds(15)))
        .hasMessage("expected recovery within 15.0 s of the revert at 2026-11-22T01:00:04Z, but the steady state never "
            + "held again; last sample out of tolerance ended at 2026-11-22T01:00:07Z, first failing probe: "
            + "requests.success_ratio >= 0.99 over 3.0 s");
  }

  @Test
  void should_report_no_impact_when_the_fault_goes_unnoticed() {
    // given
    int[] ok = {100, 100, 100, 100, 100, 100};
    int[] p99 = {10, 10, 10, 10, 10, 10};
    // when
    Recovery recovery = RecoveryMeter.of(HEALTHY, 2).measure(timeline(ok, p99), T0.plusSeconds(1), T0.plusSeconds(2));
    // then
    assertThat(recovery.timeToDetect()).isEmpty();
    assertThat(recovery.impactDuration()).isZero();
    assertThat(recovery.timeToRecover()).contains(ofSeconds(1));
  }

  @Test
  void should_fail_a_probe_when_there_is_no_data() {
    // given
    List<KpiSample> samples = List.of(new KpiSample(0, T0, Map.of(Kpis.REQUESTS, 0.0, Kpis.SUCCESSES, 0.0)));
    // when
    List<Probe> failing = SteadyState.of(Probe.successRatioAtLeast(0.5), Probe.atMost("kafka:lag", 100))
        .failing(samples, 0, ofSeconds(1));
    // then
    assertThat(failing).extracting(Probe::toString).containsExactly("requests.success_ratio >= 0.5", "kafka:lag <= 100.0");
    assertThat(Probe.atMost("kafka:lag", 100).over(ofSeconds(5)).named("consumers keep up"))
        .hasToString("consumers keep up: kafka:lag <= 100.0 over 5.0 s");
  }

  @Test
  void should_read_a_rate_over_its_window_as_the_mean_of_the_samples_with_data() {
    // given: sagas complete in bursts; one second has none, one scrape is missing
    double[] rates = {6, 0, 9, Double.NaN, 5};
    List<KpiSample> samples = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      samples.add(new KpiSample(i, T0.plusSeconds(i + 1), Map.of("order:sagas.rate", rates[i])));
    }
    SteadyState completing = SteadyState.of(Probe.atLeast("order:sagas.rate", 0.5).over(ofSeconds(5)));
    SteadyState fast = SteadyState.of(Probe.atLeast("order:sagas.rate", 6).over(ofSeconds(5)));
    List<KpiSample> empty = List.of(new KpiSample(0, T0, Map.of("order:sagas.rate", Double.NaN)));
    // when / then: the mean of 6, 0, 9 and 5 is 5
    assertThat(Kpis.overWindow(samples, "order:sagas.rate")).isEqualTo(5.0);
    assertThat(completing.failing(samples, 4, ofSeconds(1))).isEmpty();
    assertThat(fast.failing(samples, 4, ofSeconds(1))).hasSize(1);
    assertThat(completing.failing(empty, 0, ofSeconds(1))).hasSize(1);
  }

  @Test
  void should_echo_bad_values_when_building_probes_and_meters() {
    // when / then
    assertThatThrownBy(() -> Probe.successRatioAtLeast(1.5)).hasMessage("ratio must be within [0.0, 1.0], but was 1.5");
    assertThatThrownBy(() -> RecoveryMeter.of(HEALTHY, 0)).hasMessage("consecutive must be >= 1, but was 0");
    assertThatThrownBy(() -> SteadyState.of()).hasMessage("a steady state needs at least one probe, but none was given");
    assertThatThrownBy(() -> Probe.p99AtMost(ofMillis(5)).named(" ")).hasMessage("name must not be blank, but was ' '");
  }
}
