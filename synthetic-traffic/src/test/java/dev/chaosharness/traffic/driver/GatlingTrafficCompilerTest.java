package dev.chaosharness.traffic.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.traffic.LoadProfile;
import dev.chaosharness.core.traffic.TrafficPlan;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatlingTrafficCompilerTest {

  private static TrafficPlan plan(double rate, int seconds, LoadProfile profile) {
    return TrafficPlan.builder().scenario("browse").baseUrl(URI.create("http://127.0.0.1:9"))
        .rate(rate).duration(Duration.ofSeconds(seconds)).profile(profile).build();
  }

  @Test
  void should_stop_at_c1_when_a_run_has_fewer_than_a_million_arrivals() {
    assertThat(GatlingTraffic.compilerOptions(plan(2_000, 30, LoadProfile.CONSTANT)))
        .containsExactly("-XX:TieredStopAtLevel=1");
    assertThat(GatlingTraffic.compilerOptions(plan(45_000, 10, LoadProfile.CONSTANT)))
        .containsExactly("-XX:TieredStopAtLevel=1");
  }

  @Test
  void should_let_c2_compile_when_a_run_has_a_million_arrivals_or_more() {
    assertThat(GatlingTraffic.compilerOptions(plan(40_000, 30, LoadProfile.CONSTANT))).isEmpty();
  }

  @Test
  void should_count_the_arrivals_of_the_profile_not_of_its_peak_rate() {
    // a ramp from 4,000 to 40,000/s over 30 s intends 660,000 arrivals, where 40,000/s constant intends 1.2 million
    assertThat(GatlingTraffic.compilerOptions(plan(40_000, 30, LoadProfile.RAMP)))
        .containsExactly("-XX:TieredStopAtLevel=1");
  }
}
