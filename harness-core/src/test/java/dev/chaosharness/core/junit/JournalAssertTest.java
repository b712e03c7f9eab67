package dev.chaosharness.core.junit;

import static dev.chaosharness.core.junit.HarnessAssertions.assertThat;
import static dev.chaosharness.core.junit.JournalFixture.INJECTED;
import static dev.chaosharness.core.junit.JournalFixture.REVERTED;
import static dev.chaosharness.core.junit.JournalFixture.T0;
import static dev.chaosharness.core.junit.JournalFixture.anomaly;
import static dev.chaosharness.core.junit.JournalFixture.passing;
import static dev.chaosharness.core.junit.JournalFixture.verdict;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.check.AnomalyKind;
import dev.chaosharness.core.experiment.HypothesisResult;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.ProbeResult;
import dev.chaosharness.core.experiment.RunStatus;
import dev.chaosharness.core.kpi.Recovery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each journal assertion passes on a passing run and fails with its full message otherwise. */
class JournalAssertTest {

  private static final String SUBJECT = "experiment 'Payment provider latency'";
  private static final String CHECKED = "(120 events, 20 sagas; checkers: ordering, idempotency, no-loss, compensation)";

  @Test
  void should_pass_every_assertion_when_the_run_passed() {
    // given
    Journal journal = passing().invariants(verdict(anomaly("DUPLICATE_EFFECT", "o-1"))).build();
    Journal clean = passing().build();

    // when / then
    assertThatCode(() -> assertThat(clean).passed().completed().hypothesisHeld().invariantsHold().goalsMet()
        .recoveredWithin(ofSeconds(4)).detectedWithin(ofSeconds(3))).doesNotThrowAnyException();
    assertThatCode(() -> assertThat(journal).completed().hasAnomaly("DUPLICATE_EFFECT")
        .hasAnomaly(AnomalyKind.DUPLICATE_EFFECT, "o-1")).doesNotThrowAnyException();
  }

  @Test
  void should_list_every_reason_when_the_run_did_not_pass() {
    // given
    Journal journal = passing().status(RunStatus.ABORTED, "success ratio below 0.1 for 10s")
        .deviated(null).invariants(verdict(anomaly("DUPLICATE_EFFECT", "o-1")))
        .goal("time-to-detect", "<= 10s", "never detected", false).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).passed()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected " + SUBJECT + " to pass, but:\n"
            + "  - status was aborted (success ratio below 0.1 for 10s)\n"
            + "  - the steady-state hypothesis deviated\n"
            + "  - invariants failed: {DUPLICATE_EFFECT=1}\n"
            + "  - goal time-to-detect missed: wanted <= 10s, measured never detected");
  }

  @Test
  void should_name_status_and_reason_when_the_run_did_not_complete() {
    // given
    Journal journal = passing().status(RunStatus.FAILED, "activity kill-broker failed: no process 'kafka'").build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).completed()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected " + SUBJECT + " to complete, but its status was failed (activity kill-broker failed: no process 'kafka')");
  }

  @Test
  void should_name_the_failing_probes_when_the_hypothesis_did_not_hold() {
    // given
    HypothesisResult after = new HypothesisResult(T0.plusSeconds(50), false, List.of(
        new ProbeResult("order-healthy", "200", "200", true),
        new ProbeResult("success-ratio", "0.42", "[0.95, 1.0]", false)));
    Journal journal = passing().before(null).deviated(after).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).hypothesisHeld()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected the steady-state hypothesis of " + SUBJECT + " to hold, but:\n"
            + "  - before: not checked\n"
            + "  - after: not met; probe success-ratio was 0.42, tolerance [0.95, 1.0]");
  }

  @Test
  void should_list_the_anomalies_when_an_invariant_broke() {
    // given
    Journal journal = passing().invariants(verdict(anomaly("DUPLICATE_EFFECT", "o-1"))).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).invariantsHold()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected every invariant of " + SUBJECT + " to hold, but:\n"
            + "FAILED: 1 anomaly " + CHECKED + "\n"
            + "  DUPLICATE_EFFECT: 1\n"
            + "[idempotency] DUPLICATE_EFFECT o-1: PaymentProcessed twice");
  }

  @Test
  void should_fail_rather_than_pass_vacuously_when_no_invariants_were_checked() {
    // given
    Journal journal = passing().invariants(null).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).invariantsHold()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected every invariant of " + SUBJECT + " to hold, but no invariants were checked (the experiment names no invariants)");
    assertThatThrownBy(() -> assertThat(journal).hasAnomaly("STUCK")).isInstanceOf(AssertionError.class).hasMessage(
        "Expected an anomaly of kind STUCK in " + SUBJECT + ", but no invariants were checked (the experiment names no invariants)");
  }

  @Test
  void should_name_the_kinds_found_when_the_expected_anomaly_is_missing() {
    // given
    Journal other = passing().invariants(verdict(anomaly("STUCK", "o-1"))).build();
    Journal clean = passing().build();

    // when / then
    assertThatThrownBy(() -> assertThat(other).hasAnomaly("DUPLICATE_EFFECT")).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind DUPLICATE_EFFECT in " + SUBJECT + ", but there was none; anomalies by kind: {STUCK=1}");
    assertThatThrownBy(() -> assertThat(clean).hasAnomaly(AnomalyKind.DUPLICATE_EFFECT)).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind DUPLICATE_EFFECT in " + SUBJECT + ", but every invariant held " + CHECKED);
  }

  @Test
  void should_name_the_keys_found_when_the_anomaly_is_on_another_key() {
    // given
    Journal journal = passing().invariants(verdict(anomaly("DUPLICATE_EFFECT", "o-1"))).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).hasAnomaly("DUPLICATE_EFFECT", "o-2")).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind DUPLICATE_EFFECT for key 'o-2' in " + SUBJECT
            + ", but DUPLICATE_EFFECT was found only for keys [o-1]");
  }

  @Test
  void should_say_how_long_recovery_took_when_it_was_too_slow() {
    // given: recovered 4 s after the revert
    Journal journal = passing().build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).recoveredWithin(ofSeconds(3))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to recover within 3.0 s, but it took 4.0 s after the revert at "
            + "2026-01-01T10:00:40Z (first failing probe: success-ratio)");
  }

  @Test
  void should_say_what_was_last_seen_when_the_run_never_recovered() {
    // given
    Journal journal = passing().recovery(new Recovery(INJECTED, REVERTED, Optional.of(INJECTED.plusSeconds(3)),
        Optional.empty(), Optional.of("success-ratio"), Optional.of(REVERTED.plusSeconds(3)))).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).recoveredWithin(ofSeconds(15))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to recover within 15.0 s, but the steady state never held again after the "
            + "revert at 2026-01-01T10:00:40Z; last sample out of tolerance ended at 2026-01-01T10:00:43Z, "
            + "first failing probe: success-ratio");
  }

  @Test
  void should_fail_recovery_and_detection_when_nothing_was_measured() {
    // given
    Journal journal = passing().recovery(null).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).recoveredWithin(ofSeconds(15))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to recover within 15.0 s, but no recovery was measured "
            + "(the run had no fault window or no KPI timeline)");
    assertThatThrownBy(() -> assertThat(journal).detectedWithin(ofSeconds(10))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to detect the fault within 10.0 s, but no recovery was measured "
            + "(the run had no fault window or no KPI timeline)");
  }

  @Test
  void should_say_how_long_detection_took_when_it_was_too_slow_or_never_happened() {
    // given: detected 3 s after the injection, or never
    Journal slow = passing().build();
    Journal never = passing().recovery(new Recovery(INJECTED, REVERTED, Optional.empty(), Optional.of(REVERTED),
        Optional.empty(), Optional.empty())).build();

    // when / then
    assertThatThrownBy(() -> assertThat(slow).detectedWithin(ofSeconds(2))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to detect the fault within 2.0 s, but detection took 3.0 s after the "
            + "injection at 2026-01-01T10:00:20Z (first failing probe: success-ratio)");
    assertThatThrownBy(() -> assertThat(never).detectedWithin(ofSeconds(2))).isInstanceOf(AssertionError.class)
        .hasMessage("Expected " + SUBJECT + " to detect the fault within 2.0 s, but the steady state never broke after "
            + "the injection at 2026-01-01T10:00:20Z");
  }

  @Test
  void should_list_the_missed_goals_when_a_goal_was_missed() {
    // given
    Journal journal = passing().goal("time-to-detect", "<= 10s", "12.0s", false).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).goalsMet()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected every goal of " + SUBJECT + " to be met, but 1 of 2 missed:\n"
            + "  - time-to-detect missed: wanted <= 10s, measured 12.0s");
  }

  @Test
  void should_prefix_the_description_when_one_is_given() {
    // given
    Journal journal = passing().status(RunStatus.INTERRUPTED, null).build();

    // when / then
    assertThatThrownBy(() -> assertThat(journal).as("nightly run").completed()).isInstanceOf(AssertionError.class)
        .hasMessage("[nightly run] Expected " + SUBJECT + " to complete, but its status was interrupted");
  }
}
