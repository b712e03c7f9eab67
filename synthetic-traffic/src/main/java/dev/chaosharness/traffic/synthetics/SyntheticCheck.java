package dev.chaosharness.traffic.synthetics;

import dev.chaosharness.core.traffic.AssertionOutcome;
import dev.chaosharness.core.traffic.TrafficRecord;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficStatus;
import dev.chaosharness.traffic.data.SagaPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one synthetic run: the run completed, its assertions held, something was sent, and
 * every accepted order ended in the status its seeded inputs choose.
 *
 * <p>Stateless and thread-safe.
 */
final class SyntheticCheck {

  private SyntheticCheck() {}

  /** What failed in {@code result} (with its traffic log {@code records}); empty when all held. */
  static List<String> problems(TrafficResult result, List<TrafficRecord> records) {
    List<String> problems = new ArrayList<>();
    if (result.status() != TrafficStatus.COMPLETED) {
      problems.add("run " + result.status() + " before its schedule ended");
    }
    if (result.arrivals() == 0) {
      problems.add("no request was sent");
    }
    for (AssertionOutcome a : result.assertions()) {
      if (!a.passed()) {
        problems.add("assertion failed: " + a.description() + " (was " + a.actual() + ")");
      }
    }
    problems.addAll(wrongEndings(records));
    return problems;
  }

  private static List<String> wrongEndings(List<TrafficRecord> records) {
    Map<String, String> expected = new HashMap<>();
    Map<String, String> last = new HashMap<>();
    for (TrafficRecord r : records) {
      if (r.orderId() == null) {
        continue;
      }
      if (r.expectedPath() != null && r.success()) {
        expected.put(r.orderId(), SagaPath.valueOf(r.expectedPath()).terminalStatus());
      } else if (r.orderStatus() != null) {
        last.put(r.orderId(), r.orderStatus());
      }
    }
    List<String> problems = new ArrayList<>();
    expected.forEach((orderId, status) -> {
      String seen = last.getOrDefault(orderId, "no status");
      if (!status.equals(seen)) {
        problems.add("order " + orderId + " should end " + status + " but was last seen " + seen);
      }
    });
    problems.sort(null);
    return problems.size() <= 5 ? problems : withMore(problems);
  }

  private static List<String> withMore(List<String> problems) {
    List<String> shown = new ArrayList<>(problems.subList(0, 5));
    shown.add("... and " + (problems.size() - 5) + " more orders");
    return shown;
  }
}
