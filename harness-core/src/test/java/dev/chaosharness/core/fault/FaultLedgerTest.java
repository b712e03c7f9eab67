package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultLedgerTest {

  private final FaultTarget target = FaultTarget.builder().build();
  private final List<String> log = new ArrayList<>();

  @Test
  void should_revert_in_reverse_order_when_an_exception_escapes_the_block() {
    // when
    assertThatThrownBy(() -> {
      try (FaultLedger ledger = FaultLedger.open(target)) {
        ledger.inject(new RecordingFault("a", log, false));
        ledger.inject(new RecordingFault("b", log, false));
        throw new IllegalStateException("experiment failed");
      }
    }).hasMessage("experiment failed");

    // then
    assertThat(log).containsExactly("inject a", "inject b", "revert b", "revert a");
  }

  @Test
  void should_revert_the_others_and_report_every_failure_when_reverts_fail() {
    // given
    FaultLedger ledger = FaultLedger.open(target);
    ledger.inject(new RecordingFault("a", log, true));
    ledger.inject(new RecordingFault("b", log, false));
    ledger.inject(new RecordingFault("c", log, true));

    // when / then
    assertThatThrownBy(ledger::close)
        .isInstanceOf(FaultException.class)
        .hasMessage("2 fault(s) could not be reverted: [c: boom c, a: boom a]")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(log).containsExactly("inject a", "inject b", "inject c", "revert c", "revert b", "revert a");
  }

  @Test
  void should_revert_and_keep_the_interrupt_when_the_thread_is_interrupted() {
    // given
    FaultLedger ledger = FaultLedger.open(target);
    ledger.inject(new RecordingFault("a", log, false));
    Thread.currentThread().interrupt();

    // when
    ledger.close();

    // then
    assertThat(Thread.interrupted()).isTrue();
    assertThat(log).containsExactly("inject a", "revert a");
  }

  @Test
  void should_revert_once_when_closed_twice() {
    // given
    FaultLedger ledger = FaultLedger.open(target);
    ledger.inject(new RecordingFault("a", log, false));

    // when
    ledger.close();
    ledger.close();

    // then
    assertThat(log).containsExactly("inject a", "revert a");
    assertThatThrownBy(() -> ledger.inject(new RecordingFault("b", log, false)))
        .hasMessage("This fault ledger is closed; open a new one to inject b");
  }

  @Test
  void should_list_the_active_faults_oldest_first_when_asked() {
    try (FaultLedger ledger = FaultLedger.open(target)) {
      // when
      ledger.inject(new RecordingFault("a", log, false));
      ledger.inject(new RecordingFault("b", log, false));

      // then
      assertThat(ledger.active()).containsExactly("a", "b");
    }
  }
}
