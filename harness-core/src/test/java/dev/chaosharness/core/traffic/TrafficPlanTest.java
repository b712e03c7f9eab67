package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

  private static TrafficPlan.Builder valid() {
    return TrafficPlan.builder().scenario("browse").baseUrl(URI.create("http://127.0.0.1:8080"))
        .rate(10).duration(Duration.ofSeconds(10));
  }

  @Test
  void should_use_defaults_when_only_required_settings_are_given() {
    // when
    TrafficPlan plan = valid().build();
    // then
    assertThat(plan.profile()).isEqualTo(LoadProfile.CONSTANT);
    assertThat(plan.seed()).isEqualTo(1);
    assertThat(plan.assertions()).isEqualTo(TrafficAssertions.ofDefaults());
    assertThat(plan.intendedRate()).isEqualTo(10.0);
    assertThat(plan.toBuilder().build().toString()).isEqualTo(plan.toString());
  }

  @Test
  void should_echo_the_rate_when_rate_is_zero_or_negative() {
    // when / then
    assertThatThrownBy(() -> valid().rate(0)).hasMessage("rate must be within (0, 100000] per second, but was 0.0");
    assertThatThrownBy(() -> valid().rate(-5)).hasMessage("rate must be within (0, 100000] per second, but was -5.0");
  }

  @Test
  void should_echo_the_value_when_duration_or_url_is_bad() {
    // when / then
    assertThatThrownBy(() -> valid().duration(Duration.ofMillis(500)))
        .hasMessage("duration must be at least 1s, but was PT0.5S");
    assertThatThrownBy(() -> valid().baseUrl(URI.create("ftp://host")))
        .hasMessage("base URL must be http:// or https:// with a host, but was 'ftp://host'");
    assertThatThrownBy(() -> valid().maxConnections(0))
        .hasMessage("max connections must be within [1, 10000], but was 0");
    assertThatThrownBy(() -> valid().pollInterval(Duration.ofMillis(1)))
        .hasMessage("poll interval must be within [10ms, 1m], but was PT0.001S");
  }

  @Test
  void should_name_the_missing_setting_when_building_incomplete_plan() {
    // when / then
    assertThatThrownBy(() -> TrafficPlan.builder().scenario("browse").build())
        .hasMessage("a traffic plan needs a base URL; call baseUrl(...)");
    assertThatThrownBy(() -> TrafficPlan.builder().baseUrl(URI.create("http://h")).build())
        .hasMessage("a traffic plan needs a scenario; call scenario(...)");
  }

  @Test
  void should_echo_the_value_when_assertion_thresholds_are_out_of_range() {
    // when / then
    assertThatThrownBy(() -> new TrafficAssertions(99, Duration.ofSeconds(1), 1.5))
        .hasMessage("max error ratio must be within [0.0, 1.0], but was 1.5");
    assertThatThrownBy(() -> new TrafficAssertions(0, Duration.ofSeconds(1), 0.1))
        .hasMessage("percentile must be within (0, 100], but was 0.0");
  }
}
