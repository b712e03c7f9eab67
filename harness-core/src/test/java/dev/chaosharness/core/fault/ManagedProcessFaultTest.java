package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.env.ManagedProcess;
import dev.chaosharness.core.env.ProcessSpec;
import dev.chaosharness.core.env.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process faults on a real supervised OS process. */
class ManagedProcessFaultTest {

  @TempDir Path work;
  ProcessSupervisor supervisor;
  ManagedProcess sleeper;
  FaultTarget target;

  @BeforeEach
  void start() {
    supervisor = new ProcessSupervisor();
    sleeper = supervisor.start(ProcessSpec.command("sleeper", work, List.of("sleep", "60")).build());
    target = FaultTarget.builder().process(sleeper).build();
  }

  @AfterEach
  void stop() {
    supervisor.close();
  }

  @Test
  void should_kill_the_process_and_restart_it_when_reverted() {
    // given
    long before = sleeper.pid();
    Fault fault = Faults.kill("sleeper");

    // when
    fault.inject(target);
    boolean aliveWhileKilled = sleeper.isAlive();
    fault.revert();

    // then
    assertThat(aliveWhileKilled).isFalse();
    assertThat(sleeper.isAlive()).isTrue();
    assertThat(sleeper.pid()).isNotEqualTo(before);
  }

  @Test
  void should_stop_the_process_and_continue_it_when_reverted() throws Exception {
    // given
    Fault fault = Faults.pause("sleeper");

    // when
    fault.inject(target);
    boolean paused = becomes(true);
    fault.revert();
    boolean resumed = becomes(false);

    // then
    assertThat(paused).as("stopped (state T) after pause").isTrue();
    assertThat(resumed).as("running again after revert").isTrue();
  }

  /** Polls /proc until the process is (or is no longer) stopped; signals land asynchronously. */
  private boolean becomes(boolean stopped) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      String stat = Files.readString(Path.of("/proc", String.valueOf(sleeper.pid()), "stat"));
      if ((stat.charAt(stat.lastIndexOf(')') + 2) == 'T') == stopped) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }
}
