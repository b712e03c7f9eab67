package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.check.SyntheticSagas;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.HistoryWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path spec;
  private Path clean;
  private Path broken;
  private EventHistory cleanHistory;

  @BeforeEach
  void files() throws IOException {
    spec = dir.resolve("saga.yaml");
    try (InputStream in = SyntheticSagas.class.getResourceAsStream("sample-saga.yaml")) {
      Files.write(spec, in.readAllBytes());
    }
    clean = dir.resolve("clean.jsonl");
    cleanHistory = SyntheticSagas.generate(2_000, 1, 0).history();
    HistoryWriter.write(clean, cleanHistory);
    broken = dir.resolve("broken.jsonl");
    HistoryWriter.write(broken, SyntheticSagas.generate(2_000, 1, 10).history());
  }

  private int run(String... args) {
    CommandLine cli = HarnessCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void should_exit_0_with_passed_when_every_invariant_holds() {
    // when
    int exit = run("check", "--history", clean.toString(), "--saga", spec.toString());
    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("PASSED: every invariant holds (" + cleanHistory.size() + " events, ");
  }

  @Test
  void should_exit_1_with_the_anomalies_when_invariants_break() {
    // when
    int exit = run("check", "--history", broken.toString(), "--saga", spec.toString(), "--limit", "2");
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).startsWith("FAILED: ").contains("  DUPLICATE_EFFECT: ", "  MISSING_COMPENSATION: ",
        "  STUCK: ", "[idempotency] DUPLICATE_EFFECT ", "more (use --json for all)");
  }

  @Test
  void should_leave_out_sagas_in_flight_at_the_start_when_asked() {
    // given: a capture that started 100 events into the clean run
    EventHistory late = new EventHistory();
    for (int i = 100; i < cleanHistory.size(); i++) {
      late.append(cleanHistory.get(i));
    }
    Path file = dir.resolve("late.jsonl");
    HistoryWriter.write(file, late);
    // when
    int strict = run("check", "--history", file.toString(), "--saga", spec.toString());
    int skipping = run("check", "--history", file.toString(), "--saga", spec.toString(), "--skip-in-flight-at-start");
    // then
    assertThat(strict).isEqualTo(1);
    assertThat(skipping).isZero();
    assertThat(out.toString()).contains("MISSING_CAUSE", "more already running when the capture started, not checked");
  }

  @Test
  void should_print_json_and_report_lost_orders_when_asked() throws IOException {
    // given
    Path accepted = dir.resolve("accepted.txt");
    Files.writeString(accepted, "# accepted orders\n" + cleanHistory.orderId(0) + "\n{\"orderId\":\"never-seen\"}\n\n");
    // when
    int exit = run("check", "--history", clean.toString(), "--saga", spec.toString(), "--json", "--accepted", accepted.toString());
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).startsWith("{").contains("\"holds\" : false", "\"kind\" : \"LOST\"", "\"key\" : \"never-seen\"");
  }

  @Test
  void should_exit_2_naming_the_line_when_the_history_is_malformed() throws IOException {
    // given
    Files.writeString(clean, "{\"topic\":1}\n", java.nio.file.StandardOpenOption.APPEND);
    // when
    int exit = run("check", "--history", clean.toString(), "--saga", spec.toString());
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("harness: " + clean + " line " + (cleanHistory.size() + 1)
        + ", field 'topic': expected a string, but was '1'");
  }

  @Test
  void should_exit_2_naming_the_field_when_the_spec_is_invalid() throws IOException {
    // given
    Files.writeString(spec, Files.readString(spec).replace("terminal: [OrderCompleted, OrderFailed]", "terminal: [Done]"));
    // when
    int exit = run("check", "--history", clean.toString(), "--saga", spec.toString());
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim()).startsWith("harness: " + spec + " line 14, field 'terminal[0]': unknown event type 'Done'");
  }

  @Test
  void should_exit_2_when_the_accepted_file_or_deadline_is_bad() throws IOException {
    // given
    Path accepted = dir.resolve("accepted.txt");
    Files.writeString(accepted, "o-1\nnot an id\n");
    // when
    int badFile = run("check", "--history", clean.toString(), "--saga", spec.toString(), "--accepted", accepted.toString());
    int badDeadline = run("check", "--history", clean.toString(), "--saga", spec.toString(), "--deadline", "soon");
    // then
    assertThat(badFile).isEqualTo(2);
    assertThat(badDeadline).isEqualTo(2);
    assertThat(err.toString()).contains("harness: " + accepted + " line 2: expected one order id or a JSON object with "
        + "field 'orderId', but was 'not an id'")
        .contains("harness: --deadline must be a duration such as 500ms, 30s, 2m or PT30S, but was 'soon'");
  }
}
