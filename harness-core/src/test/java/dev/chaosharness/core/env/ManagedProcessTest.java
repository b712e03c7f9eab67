package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

  @TempDir Path workDir;
  private final ProcessSupervisor supervisor = new ProcessSupervisor();

  @AfterEach
  void stop() {
    supervisor.close();
  }

  private ManagedProcess sleeper(ReadinessProbe readiness) {
    return supervisor.start(ProcessSpec.command("sleeper", workDir, List.of("sleep", "600"))
        .readiness(readiness).stopGrace(Duration.ofSeconds(2)).build());
  }

  @Test
  void should_freeze_and_thaw_when_paused_and_resumed() throws IOException {
    // given
    ManagedProcess process = sleeper(ReadinessProbe.none());
    // when
    process.pause();
    // then
    assertThat(state(process.pid())).isEqualTo('T');
    // when
    process.resume();
    // then
    assertThat(state(process.pid())).isIn('S', 'R');
  }

  @Test
  void should_run_again_with_new_pid_when_restarted_after_kill() {
    // given
    ManagedProcess process = sleeper(ReadinessProbe.none());
    long firstPid = process.pid();
    // when
    process.kill();
    // then
    assertThat(process.isAlive()).isFalse();
    // when
    process.restart();
    // then
    assertThat(process.isAlive()).isTrue();
    assertThat(process.pid()).isNotEqualTo(firstPid);
  }

  @Test
  void should_stop_paused_process_when_closed_twice() {
    // given
    ManagedProcess process = sleeper(ReadinessProbe.none());
    process.pause();
    // when
    process.close();
    process.close();
    // then
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void should_log_output_and_pass_only_given_environment_when_started() throws IOException {
    // given
    ManagedProcess process = supervisor.start(ProcessSpec
        .command("printer", workDir, List.of("sh", "-c", "echo out=$GREETING; echo err=$USER >&2"))
        .env("GREETING", "hello").build());
    // when
    await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    // then
    assertThat(process.logFile()).isEqualTo(workDir.resolve("logs/printer.log"));
    assertThat(Files.readAllLines(process.logFile())).contains("out=hello", "err=");
  }

  @Test
  void should_name_component_awaited_probe_and_log_when_not_ready_in_time() throws IOException {
    // given
    int port = freePort();
    ManagedProcess process = sleeper(ReadinessProbe.tcp(new InetSocketAddress("127.0.0.1", port)));
    // when / then
    assertThatThrownBy(() -> process.awaitReady(Duration.ofMillis(300)))
        .isInstanceOf(ComponentFailedException.class)
        .hasMessage("component 'sleeper' was not ready within 0.3 s; last observed: TCP connect to "
            + "/127.0.0.1:" + port + " failed: Connection refused; last log line: === harness: "
            + "starting sleeper: sleep 600; log: " + workDir.resolve("logs/sleeper.log"));
  }

  @Test
  void should_report_exit_code_and_last_log_line_when_process_dies_before_ready() {
    // given
    ManagedProcess process = supervisor.start(ProcessSpec
        .command("crasher", workDir, List.of("sh", "-c", "echo boom; exit 7"))
        .readiness(() -> ReadinessProbe.Result.notReady("still waiting")).build());
    // when / then
    assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(10)))
        .isInstanceOf(ComponentFailedException.class)
        .hasMessage("component 'crasher' exited with code 7 before it was ready; last log line: "
            + "boom; log: " + workDir.resolve("logs/crasher.log"));
  }

  @Test
  void should_quote_the_root_cause_not_a_stack_frame_when_a_process_dies_of_an_exception() {
    // given: a Java-style stack trace with a cause, ending in frames
    String trace = String.join("\\n", "Exception in thread main java.lang.IllegalStateException: could not start",
        "\\tat dev.example.Main.main(Main.java:10)", "Caused by: java.net.BindException: Address already in use",
        "\\tat java.base/sun.nio.ch.Net.bind(Net.java:555)", "\\t... 16 more");
    ManagedProcess process = supervisor.start(ProcessSpec
        .command("thrower", workDir, List.of("sh", "-c", "printf '" + trace + "\\n'; exit 1"))
        .readiness(() -> ReadinessProbe.Result.notReady("still waiting")).build());
    // when / then
    assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(10)))
        .hasMessage("component 'thrower' exited with code 1 before it was ready; last log line: "
            + "Caused by: java.net.BindException: Address already in use; log: " + workDir.resolve("logs/thrower.log"));
  }

  @Test
  void should_stop_all_processes_when_supervisor_closes() {
    // given
    ManagedProcess first = sleeper(ReadinessProbe.none());
    ManagedProcess second = supervisor.start(
        ProcessSpec.command("second", workDir, List.of("sleep", "600")).build());
    // when
    supervisor.close();
    // then
    assertThat(first.isAlive()).isFalse();
    assertThat(second.isAlive()).isFalse();
    assertThat(supervisor.processes()).containsExactly(first, second);
  }

  private static char state(long pid) {
    return ProcState.of(pid);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
