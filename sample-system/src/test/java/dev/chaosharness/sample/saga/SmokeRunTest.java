package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeRunTest {

  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @Test
  void should_end_every_saga_as_its_inputs_explain_when_the_shop_is_healthy() throws Exception {
    // given
    SmokeSettings settings = new SmokeSettings(shop.uri("order", "/"), shop.kafka.bootstrapServers(), 60, 60, 42,
        "healthy-" + System.nanoTime(), Duration.ofSeconds(30));

    // when
    SmokeReport report = SmokeRun.run(settings, line -> { });

    // then
    assertThat(report.ok()).as(report.toJson()).isTrue();
    assertThat(report.completed() + report.failed()).isEqualTo(60);
    assertThat(report.completed()).isPositive();
    assertThat(report.failed()).isPositive();
    assertThat(report.p99Ms()).isGreaterThanOrEqualTo(report.p50Ms()).isPositive();
  }

  @Test
  void should_report_stuck_sagas_when_a_service_is_down() throws Exception {
    // given
    shop.stop("shipping");
    SmokeSettings settings = new SmokeSettings(URI.create(shop.uri("order", "/").toString()),
        shop.kafka.bootstrapServers(), 5, 50, 7, "stuck-" + System.nanoTime(), Duration.ofSeconds(3));

    // when
    SmokeReport report;
    try {
      report = SmokeRun.run(settings, line -> { });
    } finally {
      shop.start("shipping", Defects.none());
    }

    // then
    assertThat(report.ok()).isFalse();
    assertThat(report.stuck()).isPositive();
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).matches("order [0-9a-f-]{36} \\(\\w+\\) has no "
        + "outcome after 3 s"));
  }
}
