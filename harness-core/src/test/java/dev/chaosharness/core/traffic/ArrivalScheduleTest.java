package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  void should_space_arrivals_evenly_when_rate_is_constant() {
    // given
    ArrivalSchedule schedule = ArrivalSchedule.of(LoadProfile.CONSTANT.segments(50, Duration.ofSeconds(10)));
    // when / then
    assertThat(schedule.offsetOf(0)).isEqualTo(Duration.ZERO);
    assertThat(schedule.offsetOf(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(schedule.offsetOf(499)).isEqualTo(Duration.ofMillis(9980));
  }

  @Test
  void should_crowd_arrivals_toward_the_end_when_rate_ramps_up() {
    // given: 0 -> 10/s over 10 s, 50 arrivals; arrival k is due at sqrt(2k) s
    ArrivalSchedule schedule = ArrivalSchedule.of(List.of(new RateSegment(0.0001, 10, Duration.ofSeconds(10))));
    // when
    Duration eighth = schedule.offsetOf(8);
    Duration last = schedule.offsetOf(49);
    // then
    assertThat(eighth.toMillis()).isBetween(3990L, 4010L);
    assertThat(last.toMillis()).isBetween(9890L, 9910L);
  }

  @Test
  void should_continue_in_the_next_segment_when_one_is_used_up() {
    // given: 10/s for 1 s, then 100/s for 1 s
    ArrivalSchedule schedule = ArrivalSchedule.of(List.of(
        new RateSegment(10, 10, Duration.ofSeconds(1)), new RateSegment(100, 100, Duration.ofSeconds(1))));
    // when / then
    assertThat(schedule.offsetOf(9)).isEqualTo(Duration.ofMillis(900));
    assertThat(schedule.offsetOf(10)).isEqualTo(Duration.ofMillis(1000));
    assertThat(schedule.offsetOf(60)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void should_refuse_when_index_is_negative() {
    // given
    ArrivalSchedule schedule = ArrivalSchedule.of(LoadProfile.CONSTANT.segments(1, Duration.ofSeconds(1)));
    // when / then
    assertThatThrownBy(() -> schedule.offsetOf(-1)).hasMessage("arrival index must be >= 0, but was -1");
  }
}
