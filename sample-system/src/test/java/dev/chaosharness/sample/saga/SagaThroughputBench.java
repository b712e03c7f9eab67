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
 * -Dsurefire.failIfNoSpecifiedTests=false}; tune with {@code -Dbench.rate=300 -Dbench.seconds=30}.
 */
@Tag("bench")
class SagaThroughputBench {

  @Test
  void should_print_throughput_and_latency_with_tracing_off_and_on() throws Exception {
    SampleShop shop = SampleShop.get();
    double rate = Double.parseDouble(System.getProperty("bench.rate", "300"));
    int seconds = Integer.parseInt(System.getProperty("bench.seconds", "30"));

    shop.restartAll(false);
    run(shop, "warmup", rate, 20);
    SmokeReport off1 = run(shop, "tracing-off-1", rate, seconds);
    shop.restartAll(true);
    SmokeReport on1 = run(shop, "tracing-on-1", rate, seconds);
    shop.restartAll(false);
    SmokeReport off2 = run(shop, "tracing-off-2", rate, seconds);
    shop.restartAll(true);
    SmokeReport on2 = run(shop, "tracing-on-2", rate, seconds);

    double off = (off1.sagasPerSecond() + off2.sagasPerSecond()) / 2;
    double on = (on1.sagasPerSecond() + on2.sagasPerSecond()) / 2;
    System.out.printf("BENCH saga throughput: offered %.0f/s for %d s per run, runs alternated off/on/off/on%n",
        rate, seconds);
    System.out.printf("BENCH tracing off: %.1f sagas/s (p99 %d / %d ms)%n", off, off1.p99Ms(), off2.p99Ms());
    System.out.printf("BENCH tracing on : %.1f sagas/s (p99 %d / %d ms)%n", on, on1.p99Ms(), on2.p99Ms());
    System.out.printf("BENCH tracing-on/off throughput ratio: %.3f%n", on / off);
    for (SmokeReport report : new SmokeReport[] {off1, on1, off2, on2}) {
      assertThat(report.ok()).as(report.toJson()).isTrue();
    }
  }

  private static String lags(SampleShop shop) {
    StringBuilder text = new StringBuilder();
    for (String service : SampleShop.SERVICES) {
      if (shop.service(service) == null) {
        continue;
      }
      double lag = shop.service(service).kit().metrics().registry().find("kafka.consumer.fetch.manager.records.lag")
          .gauges().stream().mapToDouble(g -> Math.max(0, g.value())).sum();
      text.append(service).append('=').append((long) lag).append(' ');
    }
    return text.toString().trim();
  }

  private static SmokeReport run(SampleShop shop, String name, double rate, int seconds) throws Exception {
    SmokeReport report = SmokeRun.run(new SmokeSettings(shop.uri("order", "/"), shop.kafka.bootstrapServers(),
        (int) (rate * seconds), rate, 42, name + "-" + System.nanoTime(), Duration.ofSeconds(60)),
        line -> System.out.println("BENCH " + name + ": " + line + " | lag " + lags(shop)));
    System.out.println("BENCH " + name + " " + report.toJson());
    return report;
  }
}
