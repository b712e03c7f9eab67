package dev.chaosharness.core.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed results of a traffic run: counts, rates, latency and assertion outcomes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan what the run was asked to do
 * @param status how it ended
 * @param directory the run's directory
 * @param trafficLog the traffic log, one JSON line per request
 * @param report the load generator's HTML report; {@code null} when none was written
 * @param arrivals scenario starts sent (each scenario's first request)
 * @param requestsByOutcome every request counted by how it ended
 * @param ordersByStatus accepted orders by the last status seen ({@code COMPLETED},
 *     {@code FAILED}, or {@code UNRESOLVED} when polling ended first); empty for read-only scenarios
 * @param intendedRate arrivals per second the plan intended (mean over the run)
 * @param achievedRate arrivals per second actually sent
 * @param latency percentiles from the intended send time to the response
 * @param sendLagP99 the 99th percentile of how late arrivals were sent against their schedule
 * @param assertions each assertion and whether it held
 */
public record TrafficResult(
    TrafficPlan plan,
    TrafficStatus status,
    Path directory,
    Path trafficLog,
    Path report,
    long arrivals,
    Map<RequestOutcome, Long> requestsByOutcome,
    Map<String, Long> ordersByStatus,
    double intendedRate,
    double achievedRate,
    LatencySummary latency,
    Duration sendLagP99,
    List<AssertionOutcome> assertions) {

  /** Validates and copies the collections. */
  public TrafficResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(trafficLog, "trafficLog");
    requestsByOutcome = Map.copyOf(requestsByOutcome);
    ordersByStatus = Map.copyOf(ordersByStatus);
    assertions = List.copyOf(assertions);
  }

  /** All requests sent. */
  public long requests() {
    return requestsByOutcome.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Requests that did not end as the scenario expected. */
  public long failedRequests() {
    return requests() - requestsByOutcome.getOrDefault(RequestOutcome.OK, 0L);
  }

  /** Achieved over intended rate; 1.0 is exactly on plan. */
  public double rateRatio() {
    return intendedRate == 0 ? 0 : achievedRate / intendedRate;
  }

  /** Whether the run completed and every assertion held. */
  public boolean passed() {
    return status == TrafficStatus.COMPLETED && assertions.stream().allMatch(AssertionOutcome::passed);
  }
}
