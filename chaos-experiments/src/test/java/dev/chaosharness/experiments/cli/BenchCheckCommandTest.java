package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCheckCommandTest {

  @Test
  void should_print_linearity_read_rate_and_memory_figures_when_run_small(@TempDir Path dir) {
    // given
    StringWriter out = new StringWriter();
    CommandLine cli = HarnessCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    // when
    int exit = cli.execute("bench", "check", "--sizes", "2000,4000", "--read-events", "2000", "--anomaly-every", "50",
        "--dir", dir.toString());
    // then: speed is not asserted, only that each figure is measured and the injected anomalies are found
    assertThat(exit).isIn(0, 1);
    assertThat(out.toString())
        .contains("ns/event vs smallest")
        .containsPattern("\\n2\\d{3} .* 1\\.00x .*\\{DUPLICATE_EFFECT=\\d+, MISSING_COMPENSATION=\\d+, STUCK=\\d+}")
        .contains("reader/raw time", "bytes/event measured as heap growth")
        .doesNotContain("the checkers found");
    assertThat(dir).isEmptyDirectory();
  }
}
