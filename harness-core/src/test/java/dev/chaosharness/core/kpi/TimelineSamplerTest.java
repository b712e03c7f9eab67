package dev.chaosharness.core.kpi;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimelineSamplerTest {

  private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
  private final MutableClock clock = new MutableClock(T0);

  private TimelineSampler sampler(List<MetricSource> sources) {
    return new TimelineSampler(TimelineConfig.ofDefaults(), clock, sources, Executors.newSingleThreadScheduledExecutor());
  }

  @Test
  void should_measure_rate_success_and_percentiles_from_the_intended_send_when_requests_complete() {
    // given
    TimelineSampler sampler = sampler(List.of());
    KpiRecorder recorder = sampler.recorder();
    for (int i = 1; i <= 100; i++) {
      recorder.record(T0.plusMillis(i), ofMillis(i), i != 100); // completes at 2i ms: all in interval 0
    }
    recorder.record(T0.plusMillis(900), ofMillis(300), true); // completes at 1.2 s: interval 1
    // when
    clock.advance(ofMillis(2100));
    int emitted = sampler.sampleDue();
    // then
    List<KpiSample> samples = sampler.timeline().samples();
    assertThat(emitted).isEqualTo(2);
    KpiSample first = samples.get(0);
    assertThat(first.at()).isEqualTo(T0.plusSeconds(1));
    assertThat(first.value(Kpis.REQUESTS)).isEqualTo(100);
    assertThat(first.value(Kpis.REQUEST_RATE)).isEqualTo(100);
    assertThat(first.value(Kpis.SUCCESS_RATIO)).isEqualTo(0.99);
    assertThat(first.value(Kpis.LATENCY_P50_MS)).isCloseTo(50, within(0.1));
    assertThat(first.value(Kpis.LATENCY_P99_MS)).isCloseTo(99, within(0.1));
    assertThat(first.value(Kpis.LATENCY_MAX_MS)).isCloseTo(100, within(0.1));
    assertThat(samples.get(1).value(Kpis.REQUESTS)).isEqualTo(1);
    assertThat(samples.get(1).value(Kpis.LATENCY_MAX_MS)).isCloseTo(300, within(0.5));
    sampler.close();
  }

  @Test
  void should_emit_every_missed_interval_stamped_by_its_tick_when_the_sampler_runs_late() {
    // given
    TimelineSampler sampler = sampler(List.of(now -> Map.of("src:gauge", 7.0)));
    for (int second = 0; second < 5; second++) {
      for (int n = 0; n <= second; n++) {
        sampler.recorder().record(T0.plusSeconds(second).plusMillis(10), ofMillis(5), true);
      }
    }
    // when: one round 5.5 intervals late
    clock.advance(ofMillis(5500));
    int emitted = sampler.sampleDue();
    // then
    List<KpiSample> samples = sampler.timeline().samples();
    assertThat(emitted).isEqualTo(5);
    assertThat(samples).extracting(KpiSample::index).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(samples).extracting(KpiSample::at)
        .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5));
    assertThat(samples).extracting(s -> s.value(Kpis.REQUESTS)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(samples).extracting(s -> s.value("src:gauge")).containsOnly(7.0);
    assertThat(samples.get(0).value(Kpis.LATENCY_P99_MS)).isCloseTo(5, within(0.01));
  }

  @Test
  void should_count_a_request_in_the_next_open_interval_when_its_interval_was_closed() {
    // given
    TimelineSampler sampler = sampler(List.of());
    clock.advance(ofMillis(1200));
    sampler.sampleDue();
    // when
    sampler.recorder().record(T0.plusMillis(100), ofMillis(100), false);
    clock.advance(ofSeconds(1));
    sampler.sampleDue();
    // then
    List<KpiSample> samples = sampler.timeline().samples();
    assertThat(samples.get(0).value(Kpis.REQUESTS)).isZero();
    assertThat(samples.get(0).value(Kpis.SUCCESS_RATIO)).isNaN();
    assertThat(samples.get(1).value(Kpis.REQUESTS)).isEqualTo(1);
    assertThat(samples.get(1).value(Kpis.SUCCESS_RATIO)).isZero();
    assertThat(sampler.recorder().lateRecords()).isEqualTo(1);
  }

  @Test
  void should_never_miss_a_sample_when_every_core_is_busy() throws InterruptedException {
    // given
    Clock system = Clock.systemUTC();
    TimelineConfig config = TimelineConfig.builder().interval(ofMillis(50)).grace(ofMillis(10)).build();
    AtomicBoolean busy = new AtomicBoolean(true);
    AtomicLong recorded = new AtomicLong();
    List<Thread> burners = new ArrayList<>();
    Instant start;
    // when
    try (TimelineSampler sampler = TimelineSampler.start(config, system, List.of())) {
      start = system.instant();
      for (int t = 0; t < Runtime.getRuntime().availableProcessors() * 2; t++) {
        Thread burner = new Thread(() -> {
          while (busy.get()) {
            sampler.recorder().record(system.instant(), Duration.ZERO, true);
            recorded.incrementAndGet();
          }
        });
        burner.start();
        burners.add(burner);
      }
      Thread.sleep(1000);
      busy.set(false);
      for (Thread burner : burners) {
        burner.join();
      }
      Thread.sleep(200);
      sampler.close();
      // then
      List<KpiSample> samples = sampler.timeline().samples();
      Instant origin = samples.get(0).at().minus(config.interval());
      assertThat(samples.size()).isGreaterThanOrEqualTo(16);
      for (KpiSample sample : samples) {
        assertThat(sample.at()).isEqualTo(origin.plus(config.interval().multipliedBy(sample.index() + 1)));
      }
      assertThat(samples.stream().mapToDouble(s -> s.value(Kpis.REQUESTS)).sum()).isEqualTo(recorded.get());
      assertThat(origin).isBeforeOrEqualTo(start);
    }
  }

  @Test
  void should_reject_a_gap_when_appending_to_a_timeline() {
    // given
    Timeline timeline = new Timeline(ofSeconds(1));
    timeline.append(new KpiSample(0, T0, Map.of()));
    // when / then
    assertThatThrownBy(() -> timeline.append(new KpiSample(2, T0, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample index must be 1 (no gaps), but was 2");
  }

  @Test
  void should_echo_the_bad_value_when_a_config_setting_is_invalid() {
    // when / then
    assertThatThrownBy(() -> TimelineConfig.builder().interval(Duration.ZERO))
        .hasMessage("interval must be at least 1 ms, but was PT0S");
    assertThatThrownBy(() -> TimelineConfig.builder().interval(ofMillis(50)).grace(ofMillis(80)).build())
        .hasMessage("grace must not exceed the interval PT0.05S, but was PT0.08S");
  }
}
