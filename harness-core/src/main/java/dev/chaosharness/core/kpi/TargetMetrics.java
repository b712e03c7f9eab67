package dev.chaosharness.core.kpi;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns two successive expositions into timeline values, each family summed over its label
 * sets: counters become {@code <sample name>.rate} (for example {@code saga_started_total.rate}) (per second, counter resets handled), histograms
 * become {@code <family>.p50}, {@code .p90}, {@code .p99} (interpolated within the bucket, as
 * PromQL's {@code histogram_quantile} does, in the histogram's unit), gauges and untyped
 * metrics stay as they are. Not thread-safe: one per source, used by the sampler thread.
 */
final class TargetMetrics {

  private Map<String, Double> lastCounters = Map.of();
  private Map<String, Map<Double, Double>> lastBuckets = Map.of();
  private long lastNanos = Long.MIN_VALUE;

  Map<String, Double> update(PrometheusText.Exposition exposition, long nowNanos) {
    Map<String, Double> values = new HashMap<>();
    Map<String, Double> counters = new HashMap<>();
    Map<String, Map<Double, Double>> buckets = new HashMap<>();
    for (PrometheusText.Sample sample : exposition.samples()) {
      String name = sample.name();
      String histogram = family(name, "_bucket");
      if (histogram != null && "histogram".equals(exposition.typeOf(histogram)) && sample.labels().containsKey("le")) {
        double le = Double.parseDouble(sample.labels().get("le").replace("+Inf", "Infinity"));
        buckets.computeIfAbsent(histogram, k -> new TreeMap<>()).merge(le, sample.value(), Double::sum);
        continue;
      }
      String total = family(name, "_total");
      if ("counter".equals(exposition.typeOf(name)) || (total != null && "counter".equals(exposition.typeOf(total)))) {
        counters.merge(name, sample.value(), Double::sum);
      } else if (isPlain(exposition, name)) {
        values.merge(name, sample.value(), Double::sum);
      }
    }
    double seconds = (nowNanos - lastNanos) / 1e9;
    if (lastNanos != Long.MIN_VALUE && seconds > 0) {
      counters.forEach((name, total) -> {
        Double before = lastCounters.get(name);
        if (before != null) {
          values.put(name + ".rate", (total >= before ? total - before : total) / seconds);
        }
      });
      buckets.forEach((name, now) -> quantiles(name, now, lastBuckets.get(name), values));
    }
    lastCounters = counters;
    lastBuckets = buckets;
    lastNanos = nowNanos;
    return values;
  }

  private static boolean isPlain(PrometheusText.Exposition exposition, String name) {
    String type = exposition.typeOf(name);
    return type.equals("gauge") || (type.equals("untyped") && family(name, "_sum") == null && family(name, "_count") == null);
  }

  private static String family(String name, String suffix) {
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
  }

  private static void quantiles(String name, Map<Double, Double> now, Map<Double, Double> before, Map<String, Double> out) {
    TreeMap<Double, Double> delta = new TreeMap<>();
    now.forEach((le, count) -> {
      double previous = before == null ? 0 : before.getOrDefault(le, 0.0);
      delta.put(le, count >= previous ? count - previous : count);
    });
    out.put(name + ".p50", quantile(0.50, delta));
    out.put(name + ".p90", quantile(0.90, delta));
    out.put(name + ".p99", quantile(0.99, delta));
  }

  /** Interpolates the q-quantile from cumulative bucket counts; NaN when there were no observations. */
  static double quantile(double q, TreeMap<Double, Double> cumulative) {
    if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
      return Double.NaN;
    }
    double rank = q * cumulative.lastEntry().getValue();
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = bucket.getValue() - lowerCount;
        return inBucket <= 0 ? bucket.getKey() : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound;
  }
}
