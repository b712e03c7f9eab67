package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KafkaRestartBenchCommandTest {

  @Test
  void should_exit_2_with_one_line_when_rounds_are_not_positive() {
    // given
    StringWriter err = new StringWriter();
    CommandLine cli = HarnessCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));
    // when
    int exit = cli.execute("bench", "kafka-restart", "--rounds", "0");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("harness: --rounds and --records must be >= 1, but were 0 and 1000");
  }
}
