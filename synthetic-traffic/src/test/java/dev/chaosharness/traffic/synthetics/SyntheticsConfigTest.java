package dev.chaosharness.traffic.synthetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticsConfigTest {

  private static SyntheticsConfig config(boolean production, boolean allow, double rate, Duration duration) {
    return new SyntheticsConfig(List.of("place-order"), URI.create("https://shop.example"), production, allow,
        rate, duration, 1, Path.of("out"));
  }

  @Test
  void should_refuse_with_the_fix_when_target_is_production_and_not_allowed() {
    // when / then
    assertThatThrownBy(() -> config(true, false, 1, Duration.ofSeconds(10)))
        .hasMessage("Target https://shop.example is marked production; synthetics refuse to run against it"
            + " unless production is allowed (--allow-production)");
  }

  @Test
  void should_cap_rate_and_duration_when_target_is_production() {
    // when
    SyntheticsConfig config = config(true, true, 50, Duration.ofMinutes(5));
    // then
    assertThat(config.effectiveRate()).isEqualTo(SyntheticsConfig.PRODUCTION_MAX_RATE);
    assertThat(config.effectiveDuration()).isEqualTo(SyntheticsConfig.PRODUCTION_MAX_DURATION);
    assertThat(config.capped()).isTrue();
  }

  @Test
  void should_not_cap_when_target_is_not_production() {
    // when
    SyntheticsConfig config = config(false, false, 50, Duration.ofMinutes(5));
    // then
    assertThat(config.effectiveRate()).isEqualTo(50);
    assertThat(config.capped()).isFalse();
  }

  @Test
  void should_echo_the_rate_when_rate_is_not_positive() {
    // when / then
    assertThatThrownBy(() -> config(false, false, 0, Duration.ofSeconds(10)))
        .hasMessage("synthetic rate must be > 0 per second, but was 0.0");
  }
}
