package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment as read from its file: Chaos Toolkit's core (title, configuration, steady-state
 * hypothesis, method, rollbacks) plus the harness's extensions (traffic, observe, recover
 * timeout, invariants, goals, abort conditions). See {@code docs/experiments.md}.
 *
 * <pre>{@code
 * Experiment e = ExperimentFile.read(Path.of("payment-latency.yaml"));
 * Journal journal = ExperimentRunner.builder().environment(env).traffic(traffic).build().run(e);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the title (required)
 * @param description the description, possibly empty
 * @param tags the tags
 * @param source where it was read from (a path or {@code classpath:<resource>})
 * @param configuration the configuration values by name, in file order
 * @param hypothesis the steady-state hypothesis, when there is one
 * @param method the method's activities, in order
 * @param rollbacks the rollbacks' activities, in order
 * @param traffic the synthetic traffic that runs through the experiment, when there is some
 * @param observe how long faults stay in before the revert phase
 * @param recoverTimeout how long the recover phase waits for the steady state (see {@link #recoverWait()})
 * @param sampleInterval the KPI timeline's sampling interval
 * @param drainTimeout how long the drain phase waits for in-flight sagas to settle
 * @param invariants the saga invariants to check, when asked for
 * @param goals the goals, in file order
 * @param abort the abort conditions (safety floors)
 */
public record Experiment(
    String title,
    String description,
    List<String> tags,
    String source,
    Map<String, ConfigValue> configuration,
    Optional<Hypothesis> hypothesis,
    List<Activity> method,
    List<Activity> rollbacks,
    Optional<TrafficSpec> traffic,
    Duration observe,
    Duration recoverTimeout,
    Duration sampleInterval,
    Duration drainTimeout,
    Optional<InvariantSpec> invariants,
    List<Goal> goals,
    List<AbortCondition> abort) {

  /** Validates and copies the fields. */
  public Experiment {
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(description, "description must not be null");
    tags = List.copyOf(tags);
    Objects.requireNonNull(source, "source must not be null");
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    Objects.requireNonNull(hypothesis, "hypothesis must not be null");
    method = List.copyOf(method);
    rollbacks = List.copyOf(rollbacks);
    Objects.requireNonNull(traffic, "traffic must not be null");
    Objects.requireNonNull(observe, "observe must not be null");
    Objects.requireNonNull(recoverTimeout, "recoverTimeout must not be null");
    Objects.requireNonNull(sampleInterval, "sampleInterval must not be null");
    Objects.requireNonNull(drainTimeout, "drainTimeout must not be null");
    Objects.requireNonNull(invariants, "invariants must not be null");
    goals = List.copyOf(goals);
    abort = List.copyOf(abort);
  }

  /**
   * How long the recover phase waits: the recover timeout, but at least long enough to see a
   * recovery that meets the time-to-recover goal (its limit plus the healthy samples that confirm it).
   */
  public Duration recoverWait() {
    Duration wait = recoverTimeout;
    for (Goal goal : goals) {
      if (goal.kind() == Goal.Kind.TIME_TO_RECOVER) {
        Duration needed = goal.limit().plus(sampleInterval.multipliedBy(SteadyStates.CONSECUTIVE));
        wait = needed.compareTo(wait) > 0 ? needed : wait;
      }
    }
    return wait;
  }

  /** The fault actions of the method, in order. */
  public List<Activity> faultActions() {
    return method.stream().filter(a -> a.provider() instanceof FaultProvider).toList();
  }
}
