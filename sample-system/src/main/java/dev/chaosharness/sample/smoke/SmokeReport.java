package dev.chaosharness.sample.smoke;

import dev.chaosharness.sample.kit.EventCodec;
import java.util.List;

/**
 * The outcome of a smoke run.
 *
 * <p>Immutable.
 *
 * @param orders orders attempted
 * @param completed sagas that ended {@code COMPLETED}
 * @param failed sagas that ended {@code FAILED}
 * @param stuck accepted orders without a terminal event before the deadline
 * @param rejected placements not answered {@code 201}
 * @param unexplained sagas whose outcome their inputs do not explain
 * @param p50Ms median placement-to-terminal time
 * @param p99Ms 99th percentile placement-to-terminal time
 * @param sagasPerSecond terminal sagas per second from the first placement to the last outcome
 * @param problems the first few problems, one line each
 */
public record SmokeReport(int orders, int completed, int failed, int stuck, int rejected, int unexplained,
    long p50Ms, long p99Ms, double sagasPerSecond, List<String> problems) {

  /** Copies the problem list. */
  public SmokeReport {
    problems = List.copyOf(problems);
  }

  /**
   * Tells whether every order ended in the outcome its inputs explain.
   *
   * @return true when nothing is stuck, rejected or unexplained
   */
  public boolean ok() {
    return stuck == 0 && rejected == 0 && unexplained == 0;
  }

  /**
   * Renders the report as one JSON line.
   *
   * @return the line
   */
  public String toJson() {
    var node = EventCodec.JSON.createObjectNode()
        .put("orders", orders).put("completed", completed).put("failed", failed).put("stuck", stuck)
        .put("rejected", rejected).put("unexplained", unexplained).put("p50_ms", p50Ms).put("p99_ms", p99Ms)
        .put("sagas_per_s", Math.round(sagasPerSecond * 10) / 10.0);
    problems.forEach(node.putArray("problems")::add);
    return node.toString();
  }
}
