package dev.chaosharness.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.target.TargetDescription;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = HarnessCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path topology(String... lines) throws IOException {
    return Files.writeString(dir.resolve("topology.yaml"), String.join("\n", lines));
  }

  @Test
  void should_print_components_write_target_and_end_with_ready_time_when_ready_then_exit()
      throws IOException {
    // given
    Path topology = topology("name: infra-only", "topics: {partitions: 1, names: [a.events]}");
    Path target = dir.resolve("out/target.yaml");
    // when
    int exit = run("up", "--ready-then-exit", "--topology", topology.toString(),
        "--work-dir", dir.resolve("run").toString(), "--target-file", target.toString());
    // then
    assertThat(exit).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines[0]).isEqualTo("harness: starting 'infra-only' in " + dir.resolve("run"));
    assertThat(out.toString())
        .containsPattern("  ready  fault-proxy +http://127\\.0\\.0\\.1:\\d+ +\\d+\\.\\d s")
        .containsPattern("  ready  kafka +127\\.0\\.0\\.1:\\d+ +\\d+\\.\\d s")
        .containsPattern("  ready  postgres +127\\.0\\.0\\.1:\\d+ +\\d+\\.\\d s")
        .contains("harness: target file " + target);
    assertThat(lines[lines.length - 1]).matches("ready in \\d+\\.\\d s");
    TargetDescription written = TargetDescription.read(target);
    assertThat(written.name()).isEqualTo("infra-only");
    assertThat(written.kafka().topics()).containsExactly("a.events", "a.events.faults");
    assertThat(written.proxyApiUrl()).startsWith("http://127.0.0.1:");
    assertNoChildLeft();
  }

  @Test
  void should_exit_3_naming_component_and_log_and_leave_nothing_when_service_cannot_start()
      throws IOException {
    // given
    Path topology = topology("name: broken", "services:",
        "  - {name: ghost, main: com.example.NoSuchMain}");
    Path run = dir.resolve("run");
    // when
    int exit = run("up", "--ready-then-exit", "--topology", topology.toString(),
        "--work-dir", run.toString());
    // then
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString().strip()).isEqualTo("harness: component 'ghost' exited with code 1 "
        + "before it was ready; last log line: Caused by: java.lang.ClassNotFoundException: "
        + "com.example.NoSuchMain; log: " + run.resolve("logs/ghost.log"));
    assertNoChildLeft();
  }

  @Test
  void should_exit_2_with_file_line_and_field_when_topology_is_bad() throws IOException {
    // given
    Path topology = topology("name: bad", "topics: {partitions: 0}");
    // when
    int exit = run("up", "--topology", topology.toString());
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("harness: " + topology
        + ":2: field 'topics': partitions must be >= 1, but was 0");
  }

  @Test
  void should_exit_2_when_defects_name_unknown_service() throws IOException {
    // given
    Path topology = topology("name: shop");
    // when
    int exit = run("up", "--topology", topology.toString(), "--defects", "payment=x");
    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "harness: bad option: defects name service 'payment', which is not in topology 'shop'");
  }

  @Test
  void should_exit_2_naming_option_when_proxy_port_is_in_use() throws IOException {
    // given
    Path topology = topology("name: shop");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      // when
      int exit = run("up", "--topology", topology.toString(), "--proxy-port",
          Integer.toString(taken.getLocalPort()));
      // then
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo("harness: --proxy-port " + taken.getLocalPort()
          + ": Fault proxy API could not listen on 127.0.0.1:" + taken.getLocalPort()
          + ": Address already in use; choose another port (0 picks a free one)");
    }
    assertNoChildLeft();
  }

  private static void assertNoChildLeft() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse("?")))
        .as("processes left running")
        .allMatch(command -> command.contains("trap '' INT HUP TERM"))); // only the watchdog
  }
}
