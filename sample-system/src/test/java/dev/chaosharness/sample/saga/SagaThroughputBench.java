package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sustained saga throughput of the whole shop on this machine, with span export off and on in
 * the same run. Run with {@code ./mvnw -Pbench -pl sample-system -am test -Dtest=SagaThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; tune with {@code -Dbench.rate=300 -Dbench.seconds=30}.
 * With {@code -Dbench.rates=150,200,250} it instead sweeps those rates with tracing off, each
 * {@code -Dbench.repeats} times (default 3), and prints latency and the CPU used per saga by this
 * JVM, the broker and the database server.
 */
@Tag("bench")
class SagaThroughputBench {

  @Test
  @EnabledIfSystemProperty(named = "bench.rates", matches = ".+")
  void should_print_latency_and_cpu_per_saga_at_each_rate() throws Exception {
    SampleShop shop = SampleShop.get();
    int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
    int repeats = Integer.parseInt(System.getProperty("bench.repeats", "3"));
    String[] rates = System.getProperty("bench.rates").split(",");
    shop.restartAll(false);
    run(shop, "warmup", Double.parseDouble(rates[0].trim()), 20);
    StringBuilder summary = new StringBuilder();
    for (String text : rates) {
      double rate = Double.parseDouble(text.trim());
      for (int i = 1; i <= repeats; i++) {
        CpuMeter cpu = CpuMeter.start();
        SmokeReport report = run(shop, "rate-" + text.trim() + "-" + i, rate, seconds);
        Map<String, Long> used = cpu.elapsedMillis();
        int sagas = Math.max(1, report.completed() + report.failed());
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        summary.append(String.format(Locale.ROOT,
            "BENCH rate %s run %d: %.1f sagas/s p50 %d ms p99 %d ms ok %s | cpu ms/saga %.2f (%s)%n",
            text.trim(), i, report.sagasPerSecond(), report.p50Ms(), report.p99Ms(), report.ok(),
            (double) total / sagas, perSaga(used, sagas)));
      }
    }
    System.out.print(summary);
  }

  private static String perSaga(Map<String, Long> used, int sagas) {
    StringBuilder text = new StringBuilder();
    used.forEach((kind, millis) -> text.append(text.length() == 0 ? "" : " ").append(kind).append(' ')
        .append(String.format(Locale.ROOT, "%.2f", (double) millis / sagas)));
    return text.toString();
  }

  @Test
  @DisabledIfSystemProperty(named = "bench.rates", matches = ".+")
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
