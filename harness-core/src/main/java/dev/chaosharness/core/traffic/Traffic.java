package dev.chaosharness.core.traffic;

import java.util.Set;

/**
 * Starts synthetic open-model traffic against a target and hands back a {@link TrafficRun}.
 *
 * <pre>{@code
 * Traffic traffic = new GatlingTraffic();
 * try (TrafficRun run = traffic.start(plan, r -> timeline.record(r.intended(), r.latency(), r.success()))) {
 *   TrafficResult result = run.await(Duration.ofMinutes(2));
 *   assertThat(result.achievedRate()).isCloseTo(plan.intendedRate(), withinPercentage(5));
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe; each run is independent.
 */
public interface Traffic {

  /** The scenario names this driver can run, for example {@code place-order} and {@code browse}. */
  Set<String> scenarios();

  /**
   * Starts a run and returns at once.
   *
   * @param listener hears each response while the run goes; see {@link TrafficListener}
   * @throws IllegalArgumentException if the plan names an unknown scenario
   * @throws TrafficException if the target is unreachable or the load generator cannot start;
   *     nothing is written then
   */
  TrafficRun start(TrafficPlan plan, TrafficListener listener);
}
