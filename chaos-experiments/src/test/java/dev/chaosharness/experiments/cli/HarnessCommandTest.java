package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HarnessCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = HarnessCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void should_print_usage_when_help_is_asked() {
    // when
    int exit = run("--help");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: harness").contains("--version");
  }

  @Test
  void should_print_version_and_runtime_when_version_is_asked() {
    // when
    int exit = run("--version");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("harness ").contains("Java " + Runtime.version());
  }

  @Test
  void should_list_every_command_when_help_is_asked() {
    // when
    int exit = run("--help");
    // then
    assertThat(exit).isZero();
    assertThat(HarnessCommand.commandLine().getSubcommands().keySet()).containsExactlyInAnyOrder(
        "help", "up", "sample", "traffic", "synthetics", "proxy", "check", "bench", "gameday", "demo");
    for (String command : HarnessCommand.commandLine().getSubcommands().keySet()) {
      assertThat(out.toString()).as("help lists '%s' once", command).containsOnlyOnce("\n  " + command + " ");
    }
  }

  @Test
  void should_exit_2_naming_the_resource_before_starting_anything_when_the_demo_experiment_is_unknown() {
    // when
    int exit = run("demo", "--experiment", "no-such-experiment");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("harness: classpath:catalog/no-such-experiment.yaml: no such resource on the classpath");
  }

  @Test
  void should_exit_2_with_one_line_when_option_is_unknown() {
    // when
    int exit = run("--no-such-option");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unknown option: '--no-such-option'");
  }
}
