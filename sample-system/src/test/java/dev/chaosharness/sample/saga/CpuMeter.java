package dev.chaosharness.sample.saga;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by this JVM and every process it started (the broker, the database server and
 * its backends), split by kind: a load-independent cost measure for benchmarks on a shared box.
 *
 * <p>Not thread-safe; one meter per measurement.
 */
final class CpuMeter {

  private final Map<String, Long> start;

  private CpuMeter(Map<String, Long> start) {
    this.start = start;
  }

  /** Starts measuring now. */
  static CpuMeter start() {
    return new CpuMeter(sample());
  }

  /** CPU milliseconds used since the start, by kind ({@code jvm}, {@code kafka}, {@code postgres}, {@code other}). */
  Map<String, Long> elapsedMillis() {
    Map<String, Long> now = sample();
    Map<String, Long> used = new LinkedHashMap<>();
    now.forEach((kind, nanos) -> used.put(kind, (nanos - start.getOrDefault(kind, 0L)) / 1_000_000));
    return used;
  }

  private static Map<String, Long> sample() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    nanos.put("jvm", cpu(ProcessHandle.current()));
    nanos.put("kafka", 0L);
    nanos.put("postgres", 0L);
    nanos.put("other", 0L);
    ProcessHandle.current().descendants().forEach(p -> {
      // The broker is the only Java child (its long command line is often unavailable here).
      String command = p.info().command().orElse("");
      String kind = command.endsWith("/java") ? "kafka" : command.contains("postgres") ? "postgres" : "other";
      nanos.merge(kind, cpu(p), Long::sum);
    });
    return nanos;
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
