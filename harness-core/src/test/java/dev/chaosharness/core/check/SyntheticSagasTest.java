package dev.chaosharness.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticSagasTest {

  @Test
  void should_find_exactly_the_injected_anomalies_when_checking_a_generated_history() {
    // given
    SyntheticSagas.Generated run = SyntheticSagas.generate(50_000, 42, 100);
    // when
    Verdict verdict = SagaChecker.of(SyntheticSagas.sampleSpec()).check(run.history());
    // then
    Map<String, Integer> found = verdict.anomalies().stream()
        .collect(Collectors.toMap(Anomaly::kind, a -> 1, Integer::sum));
    assertThat(run.history().size()).isBetween(50_000, 50_000 + 64 * 8);
    assertThat(found).isEqualTo(run.injected()).containsKeys("DUPLICATE_EFFECT", "MISSING_COMPENSATION", "STUCK");
  }

  @Test
  void should_hold_when_no_anomaly_is_injected() {
    // when
    Verdict verdict = SagaChecker.of(SyntheticSagas.sampleSpec()).check(SyntheticSagas.generate(20_000, 7, 0).history());
    // then
    assertThat(verdict.anomalies()).isEmpty();
  }
}
