package dev.chaosharness.traffic.synthetics;

import dev.chaosharness.core.traffic.RequestOutcome;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The synthetics' own Prometheus metrics, rendered in the text exposition format:
 *
 * <pre>
 * synthetic_check_success{scenario}                     1 when the last check passed, else 0
 * synthetic_check_duration_seconds{scenario}            how long the last check took
 * synthetic_check_last_run_timestamp_seconds{scenario}  when the last check started (Unix time)
 * synthetic_checks_total{scenario,result}               checks by result (success, failure)
 * synthetic_requests_total{scenario,outcome}            requests by outcome
 * </pre>
 *
 * <p>Thread-safe: cycles record on one thread while the metrics endpoint renders on another.
 */
public final class SyntheticsMetrics {

  private final Map<String, CycleReport> last = new TreeMap<>();
  private final Map<String, Map<String, Long>> checks = new TreeMap<>();
  private final Map<String, Map<RequestOutcome, Long>> requests = new TreeMap<>();

  /** Adds a cycle's verdict. */
  public synchronized void record(CycleReport report) {
    last.put(report.scenario(), report);
    checks.computeIfAbsent(report.scenario(), s -> new TreeMap<>())
        .merge(report.success() ? "success" : "failure", 1L, Long::sum);
    Map<RequestOutcome, Long> counts = requests.computeIfAbsent(report.scenario(), s -> new TreeMap<>());
    report.requestsByOutcome().forEach((outcome, n) -> counts.merge(outcome, n, Long::sum));
  }

  /** The metrics in Prometheus text format. */
  public synchronized String render() {
    StringBuilder s = new StringBuilder();
    header(s, "synthetic_check_success", "gauge", "Whether the last synthetic check of the scenario passed (1) or failed (0).");
    last.forEach((scenario, r) -> line(s, "synthetic_check_success", "scenario=\"" + scenario + "\"", r.success() ? 1 : 0));
    header(s, "synthetic_check_duration_seconds", "gauge", "How long the last synthetic check of the scenario took.");
    last.forEach((scenario, r) -> line(s, "synthetic_check_duration_seconds", "scenario=\"" + scenario + "\"",
        r.duration().toMillis() / 1000.0));
    header(s, "synthetic_check_last_run_timestamp_seconds", "gauge", "When the last synthetic check of the scenario started, in Unix time.");
    last.forEach((scenario, r) -> line(s, "synthetic_check_last_run_timestamp_seconds", "scenario=\"" + scenario + "\"",
        r.started().toEpochMilli() / 1000.0));
    header(s, "synthetic_checks_total", "counter", "Synthetic checks by result.");
    checks.forEach((scenario, byResult) -> byResult.forEach((result, n) ->
        line(s, "synthetic_checks_total", "scenario=\"" + scenario + "\",result=\"" + result + "\"", n)));
    header(s, "synthetic_requests_total", "counter", "Synthetic requests by outcome.");
    requests.forEach((scenario, byOutcome) -> {
      for (RequestOutcome outcome : RequestOutcome.values()) {
        line(s, "synthetic_requests_total", "scenario=\"" + scenario + "\",outcome=\"" + outcome.label() + "\"",
            byOutcome.getOrDefault(outcome, 0L));
      }
    });
    return s.toString();
  }

  private static void header(StringBuilder s, String name, String type, String help) {
    s.append("# HELP ").append(name).append(' ').append(help).append('\n');
    s.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void line(StringBuilder s, String name, String labels, double value) {
    String number = value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    s.append(name).append('{').append(labels).append("} ").append(number).append('\n');
  }
}
