package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.check.SagaSpecException;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryFileException;
import dev.chaosharness.core.history.HistoryReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness check}: checks a recorded history against a saga specification; exits 0 when
 * every invariant holds, 1 with the anomalies when not, 2 on bad input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a recorded event history against a saga specification: ordering, idempotency, no loss, compensation.",
      "Exit codes: 0 every invariant holds, 1 anomalies found, 2 bad input."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--history", required = true, paramLabel = "FILE", description = "History file (JSON Lines, docs/history-file.md).")
  Path history;

  @Option(names = "--saga", required = true, paramLabel = "SPEC.yaml", description = "Saga specification (docs/saga-spec.md).")
  Path saga;

  @Option(names = "--accepted", paramLabel = "FILE", description = "Order ids the system accepted, one per line (or JSON lines with an orderId field); each must finish.")
  Path accepted;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "30s", description = "Time for a saga to reach a terminal event (e.g. 30s, 500ms, 2m, PT1M; default ${DEFAULT-VALUE}).")
  String deadline;

  @Option(names = "--skip-in-flight-at-start", description = "Leave out sagas already running when the capture "
      + "started (no start event in the history, not an accepted order); for a history captured from the topics' end.")
  boolean skipInFlightAtStart;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Anomalies listed in the text verdict (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    Duration limitTime = Durations.parse("--deadline", deadline);
    SagaSpec sagaSpec;
    EventHistory events;
    Set<String> acceptedIds;
    try {
      sagaSpec = SagaSpec.parse(saga);
      acceptedIds = accepted == null ? Set.of() : AcceptedOrders.read(accepted);
      events = HistoryReader.read(history);
    } catch (SagaSpecException | HistoryFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    SagaChecker checker = SagaChecker.of(sagaSpec).withDeadline(limitTime).withAccepted(acceptedIds);
    Verdict verdict = (skipInFlightAtStart ? checker.skippingSagasInFlightAtStart() : checker).check(events);
    spec.commandLine().getOut().print(json ? verdict.toJson() + "\n" : verdict.toText(Math.max(0, limit)));
    spec.commandLine().getOut().flush();
    return verdict.holds() ? 0 : HarnessCommand.EXIT_FAILED;
  }
}
