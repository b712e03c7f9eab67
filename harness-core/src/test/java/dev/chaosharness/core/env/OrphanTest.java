package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real harness JVM that starts children, ends it in each way, and looks for orphans. */
class OrphanTest {

  @TempDir Path workDir;

  @Test
  void should_leave_no_child_when_harness_is_killed_with_sigkill() throws Exception {
    // given
    Process harness = startHarness("wait");
    List<Long> children = childPids(harness);
    // when
    harness.destroyForcibly();
    harness.waitFor(10, TimeUnit.SECONDS);
    // then
    assertGone(children);
  }

  @Test
  void should_leave_no_child_when_harness_gets_sigterm() throws Exception {
    // given
    Process harness = startHarness("wait");
    List<Long> children = childPids(harness);
    // when
    harness.destroy();
    harness.waitFor(20, TimeUnit.SECONDS);
    // then
    assertGone(children);
  }

  @Test
  void should_leave_no_child_when_harness_main_throws() throws Exception {
    // given
    Process harness = startHarness("throw");
    List<Long> children = childPids(harness);
    // when
    harness.getOutputStream().write('\n');
    harness.getOutputStream().flush();
    boolean exited = harness.waitFor(20, TimeUnit.SECONDS);
    // then
    assertThat(exited).isTrue();
    assertThat(harness.exitValue()).isEqualTo(1);
    assertGone(children);
  }

  private Process startHarness(String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), SupervisedParentMain.class.getName(),
        workDir.toString(), mode)
        .redirectError(workDir.resolve("harness.err").toFile())
        .start();
  }

  private static List<Long> childPids(Process harness) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    while (line != null && !line.startsWith("PIDS ")) {
      line = out.readLine(); // skip log lines
    }
    assertThat(line).as("harness output").startsWith("PIDS ");
    List<Long> pids = Arrays.stream(line.substring(5).split(" ")).map(Long::valueOf).toList();
    assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
        .orElse(false));
    return pids;
  }

  private static void assertGone(List<Long> pids) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pids)
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }
}
