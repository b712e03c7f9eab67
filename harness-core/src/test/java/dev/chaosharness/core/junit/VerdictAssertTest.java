package dev.chaosharness.core.junit;

import static dev.chaosharness.core.junit.HarnessAssertions.assertThat;
import static dev.chaosharness.core.junit.JournalFixture.anomaly;
import static dev.chaosharness.core.junit.JournalFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.AnomalyKind;
import dev.chaosharness.core.check.Verdict;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each verdict assertion passes when it should and fails with its full message otherwise. */
class VerdictAssertTest {

  private static final String CHECKED = "(120 events, 20 sagas; checkers: ordering, idempotency, no-loss, compensation)";

  @Test
  void should_pass_when_the_verdict_matches() {
    // given: AssertJ's assertThat and ours statically imported side by side
    Verdict clean = verdict();
    Verdict duplicate = verdict(anomaly("DUPLICATE_EFFECT", "o-1"));

    // when / then
    assertThatCode(() -> assertThat(clean).invariantsHold()).doesNotThrowAnyException();
    assertThatCode(() -> assertThat(duplicate).hasAnomaly("DUPLICATE_EFFECT").hasAnomaly(AnomalyKind.DUPLICATE_EFFECT, "o-1"))
        .doesNotThrowAnyException();
    assertThat("plain AssertJ still resolves").isNotEmpty();
  }

  @Test
  void should_list_the_anomalies_when_an_invariant_broke() {
    // given
    Verdict verdict = verdict(anomaly("DUPLICATE_EFFECT", "o-1"));

    // when / then
    assertThatThrownBy(() -> assertThat(verdict).invariantsHold()).isInstanceOf(AssertionError.class).hasMessage(
        "Expected every invariant to hold, but:\n"
            + "FAILED: 1 anomaly " + CHECKED + "\n"
            + "  DUPLICATE_EFFECT: 1\n"
            + "[idempotency] DUPLICATE_EFFECT o-1: PaymentProcessed twice");
  }

  @Test
  void should_list_ten_anomalies_and_count_the_rest_when_there_are_more() {
    // given
    Verdict verdict = verdict(IntStream.rangeClosed(1, 12).mapToObj(i -> anomaly("STUCK", "o-" + i)).toArray(Anomaly[]::new));

    // when / then
    assertThatThrownBy(() -> assertThat(verdict).invariantsHold()).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected every invariant to hold, but:\nFAILED: 12 anomalies " + CHECKED + "\n  STUCK: 12\n")
        .hasMessageContaining("[idempotency] STUCK o-10: PaymentProcessed twice\n")
        .hasMessageNotContaining("o-11")
        .hasMessageEndingWith("\n... and 2 more (use --json for all)");
  }

  @Test
  void should_name_what_was_found_when_the_expected_anomaly_is_missing() {
    // given
    Verdict duplicates = verdict(anomaly("DUPLICATE_EFFECT", "o-1"), anomaly("DUPLICATE_EFFECT", "o-2"));
    Verdict clean = verdict();

    // when / then
    assertThatThrownBy(() -> assertThat(duplicates).hasAnomaly(AnomalyKind.STUCK)).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind STUCK, but there was none; anomalies by kind: {DUPLICATE_EFFECT=2}");
    assertThatThrownBy(() -> assertThat(clean).hasAnomaly("STUCK")).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind STUCK, but every invariant held " + CHECKED);
    assertThatThrownBy(() -> assertThat(duplicates).hasAnomaly("DUPLICATE_EFFECT", "o-9")).isInstanceOf(AssertionError.class)
        .hasMessage("Expected an anomaly of kind DUPLICATE_EFFECT for key 'o-9', but DUPLICATE_EFFECT was found only for keys [o-1, o-2]");
  }

  @Test
  void should_say_so_when_the_verdict_is_null() {
    // given
    Verdict none = null;

    // when / then
    assertThatThrownBy(() -> assertThat(none).invariantsHold()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
