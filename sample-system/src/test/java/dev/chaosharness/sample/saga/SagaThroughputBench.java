package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sustained saga throughput of the whole shop on this machine, with span export off and on in
 * the same run. Run with {@code ./mvnw -Pbench -pl sample-system -am test -Dtest=SagaThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; tune with {@code -Dbench.rate=300 -Dbench.seconds=60}.
 */
@Tag("bench")
class SagaThroughputBench {

  @Test
  void should_print_throughput_and_latency_with_tracing_off_and_on() throws Exception {
    SampleShop shop = SampleShop.get();
    double rate = Double.parseDouble(System.getProperty("bench.rate", "300"));
    int seconds = Integer.parseInt(System.getProperty("bench.seconds", "60"));

    shop.restartAll(false);
    run(shop, "warmup", rate, 10);
    SmokeReport off = run(shop, "tracing-off", rate, seconds);
    shop.restartAll(true);
    run(shop, "warmup-tracing", rate, 5);
    SmokeReport on = run(shop, "tracing-on", rate, seconds);

    System.out.printf("BENCH saga throughput: offered %.0f/s for %d s%n", rate, seconds);
    System.out.printf("BENCH tracing off: %s%n", off.toJson());
    System.out.printf("BENCH tracing on : %s%n", on.toJson());
    System.out.printf("BENCH tracing-on/off throughput ratio: %.3f%n", on.sagasPerSecond() / off.sagasPerSecond());
    assertThat(off.ok()).as(off.toJson()).isTrue();
    assertThat(on.ok()).as(on.toJson()).isTrue();
  }

  private static SmokeReport run(SampleShop shop, String name, double rate, int seconds) throws Exception {
    SmokeReport report = SmokeRun.run(new SmokeSettings(shop.uri("order", "/"), shop.kafka.bootstrap(),
        (int) (rate * seconds), rate, 42, name + "-" + System.nanoTime(), Duration.ofSeconds(60)),
        line -> System.out.println("BENCH " + name + ": " + line));
    System.out.println("BENCH " + name + " " + report.toJson());
    return report;
  }
}
