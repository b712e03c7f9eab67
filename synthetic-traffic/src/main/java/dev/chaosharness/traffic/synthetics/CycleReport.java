package dev.chaosharness.traffic.synthetics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.core.traffic.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The verdict of one scenario in one synthetics cycle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the scenario checked
 * @param cycle the cycle number, from 0
 * @param seed the seed the cycle used (rerun it with the same seed to get the same requests)
 * @param started when the cycle started
 * @param duration how long the check took, start to verdict
 * @param success whether every check held
 * @param requestsByOutcome the cycle's requests by outcome
 * @param problems what failed, one line each; empty on success
 */
public record CycleReport(
    String scenario, long cycle, long seed, Instant started, Duration duration, boolean success,
    Map<RequestOutcome, Long> requestsByOutcome, List<String> problems) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections. */
  public CycleReport {
    requestsByOutcome = Map.copyOf(requestsByOutcome);
    problems = List.copyOf(problems);
  }

  /** The report as one JSON line (no line break). */
  public String toJsonLine() {
    ObjectNode node = JSON.createObjectNode();
    node.put("time", started.toString());
    node.put("scenario", scenario);
    node.put("cycle", cycle);
    node.put("seed", seed);
    node.put("success", success);
    node.put("durationSeconds", duration.toMillis() / 1000.0);
    ObjectNode requests = node.putObject("requests");
    for (RequestOutcome outcome : RequestOutcome.values()) {
      requests.put(outcome.label(), requestsByOutcome.getOrDefault(outcome, 0L));
    }
    var list = node.putArray("problems");
    problems.forEach(list::add);
    return node.toString();
  }
}
