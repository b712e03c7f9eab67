package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessFaultTest {

  private final List<String> calls = new ArrayList<>();
  private final FaultTarget target = FaultTarget.builder().process("payment", new FakeProcess("payment", calls)).build();

  @Test
  void should_restart_and_await_readiness_when_a_kill_is_reverted() {
    // given
    Fault fault = Faults.kill("payment");

    // when
    fault.inject(target);
    fault.revert();
    fault.revert();

    // then
    assertThat(calls).containsExactly("kill", "restart", "awaitReady PT1M");
  }

  @Test
  void should_resume_when_a_pause_is_reverted() {
    // given
    Fault fault = Faults.pause("payment");

    // when
    fault.inject(target);
    fault.revert();

    // then
    assertThat(calls).containsExactly("pause", "resume");
    assertThat(fault.describe()).isEqualTo("pause payment");
  }

  @Test
  void should_have_nothing_to_revert_when_restarted() {
    // given
    Fault fault = Faults.restart("payment");

    // when
    fault.inject(target);
    fault.revert();

    // then
    assertThat(calls).containsExactly("restart", "awaitReady PT1M");
  }

  @Test
  void should_name_the_known_processes_when_the_process_is_unknown() {
    assertThatThrownBy(() -> Faults.kill("stock").inject(target))
        .isInstanceOf(FaultException.class)
        .hasMessage("Process 'stock' is not part of the fault target; known: [payment]");
  }

  @Test
  void should_refuse_a_second_injection_when_already_injected() {
    // given
    Fault fault = Faults.pause("payment");
    fault.inject(target);

    // when / then
    assertThatThrownBy(() -> fault.inject(target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pause payment is already injected; revert it first");
  }

  /** A hand-written fake of a managed process that records every call. */
  private record FakeProcess(String name, List<String> calls) implements ProcessControl {
    @Override
    public void kill() {
      calls.add("kill");
    }

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume() {
      calls.add("resume");
    }

    @Override
    public void restart() {
      calls.add("restart");
    }

    @Override
    public void awaitReady(Duration timeout) {
      calls.add("awaitReady " + timeout);
    }
  }
}
