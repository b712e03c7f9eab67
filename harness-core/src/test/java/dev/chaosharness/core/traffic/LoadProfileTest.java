package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadProfileTest {

  @ParameterizedTest
  @CsvSource({"CONSTANT, 1200", "RAMP, 660", "SPIKE, 480", "STEP, 750"})
  void should_intend_the_area_under_the_rate_when_profile_is_shaped(LoadProfile profile, double expected) {
    // given
    List<RateSegment> segments = profile.segments(20, Duration.ofSeconds(60));
    // when
    double arrivals = ArrivalSchedule.of(segments).expectedArrivals();
    // then
    assertThat(arrivals).isCloseTo(expected, within(0.001));
    assertThat(ArrivalSchedule.of(segments).length()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void should_reach_the_peak_rate_when_profile_is_spike() {
    // when
    List<RateSegment> segments = LoadProfile.SPIKE.segments(100, Duration.ofSeconds(10));
    // then
    assertThat(segments).extracting(RateSegment::startRate).containsExactly(25.0, 100.0, 25.0);
    assertThat(segments).extracting(RateSegment::duration)
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void should_parse_names_ignoring_case_when_known() {
    // when / then
    assertThat(LoadProfile.parse("Ramp")).isEqualTo(LoadProfile.RAMP);
    assertThat(LoadProfile.parse(" step ")).isEqualTo(LoadProfile.STEP);
  }

  @Test
  void should_name_known_profiles_when_name_is_unknown() {
    // when / then
    assertThatThrownBy(() -> LoadProfile.parse("burst"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown load profile 'burst'; known profiles: [constant, ramp, spike, step]");
  }

  @Test
  void should_reject_a_segment_when_rate_is_negative() {
    // when / then
    assertThatThrownBy(() -> new RateSegment(-1, 5, Duration.ofSeconds(1)))
        .hasMessage("segment rates must be finite and >= 0, but were -1.0 and 5.0");
  }
}
