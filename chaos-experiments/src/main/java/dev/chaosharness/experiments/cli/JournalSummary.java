package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.experiment.GoalResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Prints the end of a game day: the verdict, detection and recovery, invariants, goals and where the files are. */
final class JournalSummary {

  private JournalSummary() {}

  /**
   * Prints {@code journal}'s summary and returns the command's exit code: 0 when it passed, 3
   * when the run failed (an activity or the runner), 1 otherwise.
   */
  static int print(Journal journal, Path outputDirectory, PrintWriter out) {
    out.printf("harness: %s - status %s%s%n", journal.passed() ? "PASSED" : "FAILED", journal.status().jsonName(),
        journal.deviated() ? ", deviated (the steady-state hypothesis did not hold)" : "");
    journal.abortReason().ifPresent(reason -> out.println("  reason: " + reason));
    journal.recovery().ifPresent(r -> out.printf("  time-to-detect %s, time-to-recover %s%n",
        seconds(r.timeToDetect(), "(no deviation)"), seconds(r.timeToRecover(), "(never)")));
    journal.invariants().ifPresent(v -> out.printf("  invariants: %s (%d events, %d sagas)%n",
        v.holds() ? "hold" : v.anomalies().size() + " anomalies " + v.countsByKind(), v.events(), v.sagas()));
    for (GoalResult goal : journal.goals()) {
      out.printf("  goal %s %s: measured %s - %s%n", goal.name(), goal.target(), goal.measured(),
          goal.met() ? "met" : "MISSED");
    }
    out.println("  journal: " + outputDirectory.resolve("journal.json"));
    Path html = outputDirectory.resolve("report.html");
    if (Files.exists(html)) {
      out.println("  report: " + html);
    }
    out.flush();
    if (journal.passed()) {
      return 0;
    }
    return journal.status() == RunStatus.FAILED ? HarnessCommand.EXIT_ERROR : HarnessCommand.EXIT_FAILED;
  }

  private static String seconds(Optional<Duration> duration, String otherwise) {
    return duration.map(d -> d.toMillis() / 1000.0 + " s").orElse(otherwise);
  }
}
