package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Runs {@code harness bench proxy} at a tiny size: it reports every figure; speed is not asserted. */
class ProxyBenchCommandTest {

  @Test
  void should_report_every_figure_with_its_goal_when_run_small() {
    // given
    StringWriter out = new StringWriter();

    // when
    int exit = HarnessCommand.commandLine().setOut(new PrintWriter(out, true))
        .execute("bench", "proxy", "--megabytes", "4", "--round-trips", "100", "--connections", "20");

    // then
    assertThat(exit).isIn(0, HarnessCommand.EXIT_FAILED);
    assertThat(out.toString())
        .contains("ratio").contains("(goal >= 1000 MB/s and >= 0.50)")
        .contains("added    p50").contains("(goal < 50 us and < 200 us)")
        .contains("added delay error: mean").contains("(goal within 5 ms)")
        .contains("20 connections, 0 errors")
        .contains("heap per idle proxied connection");
  }

  @Test
  void should_exit_2_naming_the_options_when_sizes_are_too_small() {
    // given
    StringWriter err = new StringWriter();

    // when
    int exit = HarnessCommand.commandLine().setErr(new PrintWriter(err, true))
        .execute("bench", "proxy", "--round-trips", "5");

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("--megabytes must be >= 1, --round-trips >= 100, --connections >= 1"
        + " and --busy-poll-us within [0, 10000], but were 1024, 5, 1000, 0");
  }

  @Test
  void should_exit_2_naming_the_option_when_the_busy_poll_window_is_negative() {
    // given
    StringWriter err = new StringWriter();

    // when
    int exit = HarnessCommand.commandLine().setErr(new PrintWriter(err, true))
        .execute("bench", "proxy", "--busy-poll-us", "-1");

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("--busy-poll-us within [0, 10000], but were 1024, 20000, 1000, -1");
  }
}
