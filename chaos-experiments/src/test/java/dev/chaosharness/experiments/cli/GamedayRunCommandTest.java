package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GamedayRunCommandTest {

  @TempDir Path dir;

  private Path experiment(String yaml) throws IOException {
    Path file = dir.resolve("experiment.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static final String LATENCY = """
      title: Payment provider latency
      method:
        - type: action
          name: slow-provider
          provider: {type: fault, kind: latency, link: "%s", latency: 800ms}
      traffic: {scenario: place-order, rate: 10}
      observe: 10s
      """;

  @Test
  void should_print_the_plan_and_start_nothing_when_dry_running_against_the_topology() throws IOException {
    // given
    Path file = experiment(LATENCY.formatted("payment->provider"));
    CliRunner cli = new CliRunner();

    // when
    int exit = cli.run("gameday", "run", file.toString(), "--dry-run");

    // then
    assertThat(exit).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString())
        .startsWith("harness: dry run of " + file + " against the topology (nothing started)\n"
            + "Experiment: Payment provider latency (" + file + ")\nTarget: sample-shop\n")
        .contains("    action slow-provider: latency {latency=800ms, link=payment->provider}\n")
        .contains("observe          keep the faults in for 10s\n");
  }

  @Test
  void should_exit_2_naming_file_line_and_field_when_the_link_is_unknown() throws IOException {
    // given
    Path file = experiment(LATENCY.formatted("payment->provder"));
    CliRunner cli = new CliRunner();

    // when
    int exit = cli.run("gameday", "run", file.toString(), "--dry-run");

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(cli.err.toString()).isEqualTo("harness: " + file + ":5: field 'method[0].provider.link': link "
        + "'payment->provder' is not in target 'sample-shop'; did you mean 'payment->provider'? known links: "
        + "[bff->kafka, bff->postgres, order->kafka, order->postgres, payment->kafka, payment->postgres, "
        + "payment->provider, shipping->kafka, shipping->postgres, stock->kafka, stock->postgres]\n");
  }

  @Test
  void should_exit_2_when_the_experiment_file_has_a_typo() throws IOException {
    // given
    Path file = experiment("title: t\nmethod: []\nobserv: 10s\n");
    CliRunner cli = new CliRunner();

    // when
    int exit = cli.run("gameday", "run", file.toString());

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(cli.err.toString()).startsWith("harness: " + file + ":3: field 'observ': unknown field; "
        + "did you mean 'observe'?");
  }

  @Test
  void should_check_a_process_fault_against_a_target_file_without_processes() throws IOException {
    // given: an external system has no processes the harness controls
    Path targetFile = dir.resolve("target.yaml");
    Files.writeString(targetFile, """
        name: staging
        production: false
        services:
          - {name: order, baseUrl: "http://127.0.0.1:1"}
        """);
    Path file = experiment("""
        title: kill the broker
        method:
          - {type: action, name: kill, provider: {type: fault, kind: kill, process: kafka}}
        """);
    CliRunner cli = new CliRunner();

    // when
    int exit = cli.run("gameday", "run", file.toString(), "--target", targetFile.toString(), "--dry-run");

    // then
    assertThat(exit).isEqualTo(HarnessCommand.EXIT_USAGE);
    assertThat(cli.err.toString()).isEqualTo("harness: " + file + ":3: field 'method[0].provider.process': process "
        + "'kafka' is not a process of the environment; known processes: []\n");
  }
}
