package dev.chaosharness.core.check;

import dev.chaosharness.core.history.EventHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a recorded history against a saga specification with every built-in checker
 * (ordering, idempotency, no-loss, compensation) and any extra {@link Invariant}s.
 *
 * <pre>{@code
 * Verdict verdict = SagaChecker.of(SagaSpec.parse(Path.of("saga.yaml")))
 *     .withDeadline(Duration.ofSeconds(30))
 *     .withAccepted(acceptedOrderIds)
 *     .check(HistoryReader.read(Path.of("history.jsonl")));
 * }</pre>
 *
 * <p>Immutable and thread-safe: each {@code with...} returns a new checker; {@link #check}
 * runs on the calling thread in time linear in the history's size.
 */
public final class SagaChecker {

  /** The default deadline for a saga to reach a terminal event. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private final SagaSpec spec;
  private final Duration deadline;
  private final Set<String> accepted;
  private final List<Invariant> invariants;
  private final boolean skipInFlightAtStart;

  private SagaChecker(SagaSpec spec, Duration deadline, Set<String> accepted, List<Invariant> invariants,
      boolean skipInFlightAtStart) {
    this.spec = spec;
    this.deadline = deadline;
    this.accepted = accepted;
    this.invariants = invariants;
    this.skipInFlightAtStart = skipInFlightAtStart;
  }

  /** Creates a checker for {@code spec} with the default deadline and no accepted orders. */
  public static SagaChecker of(SagaSpec spec) {
    return new SagaChecker(Objects.requireNonNull(spec, "spec must not be null"), DEFAULT_DEADLINE, Set.of(), List.of(), false);
  }

  /** Returns a checker whose no-loss deadline is {@code deadline} (positive). */
  public SagaChecker withDeadline(Duration deadline) {
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, but was " + deadline);
    }
    return new SagaChecker(spec, deadline, accepted, invariants, skipInFlightAtStart);
  }

  /** Returns a checker that also requires each of these accepted order ids to finish. */
  public SagaChecker withAccepted(Collection<String> orderIds) {
    return new SagaChecker(spec, deadline, Set.copyOf(orderIds), invariants, skipInFlightAtStart);
  }

  /** Returns a checker that also runs {@code invariant}. */
  public SagaChecker withInvariant(Invariant invariant) {
    List<Invariant> more = new ArrayList<>(invariants);
    more.add(Objects.requireNonNull(invariant, "invariant must not be null"));
    return new SagaChecker(spec, deadline, accepted, List.copyOf(more), skipInFlightAtStart);
  }

  /**
   * Returns a checker that leaves out the sagas already running when the capture started: keys
   * without a start event in the history that are not among the accepted orders. Use it for a
   * history captured from the topics' end of a running system, as experiments do; the verdict
   * counts what it left out ({@link Verdict#inFlightAtStart()}). An accepted order is always
   * checked, so a lost start event of the caller's own traffic is still found.
   */
  public SagaChecker skippingSagasInFlightAtStart() {
    return new SagaChecker(spec, deadline, accepted, invariants, true);
  }

  /** Checks {@code history} and returns the verdict. */
  public Verdict check(EventHistory history) {
    SagaIndex index = new SagaIndex(history, spec);
    int inFlightAtStart = 0;
    if (skipInFlightAtStart) {
      InFlightAtStart split = InFlightAtStart.split(index, accepted);
      inFlightAtStart = split.sagas();
      if (inFlightAtStart > 0) {
        history = split.rest();
        index = new SagaIndex(history, spec);
      }
    }
    List<Checker> checkers = List.of(new OrderingChecker(), new IdempotencyChecker(),
        new NoLossChecker(deadline, accepted), new CompensationChecker());
    List<Anomaly> anomalies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Checker checker : checkers) {
      checker.check(index, anomalies);
      names.add(checker.name());
    }
    for (Invariant invariant : invariants) {
      names.add(invariant.name());
      try {
        anomalies.addAll(invariant.check(history));
      } catch (RuntimeException e) {
        anomalies.add(new Anomaly(invariant.name(), "INVARIANT_FAILED", "", List.of(),
            "the invariant could not be checked: " + e));
      }
    }
    return new Verdict(anomalies, history.size(), index.groups(), names, inFlightAtStart);
  }
}
