package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SagaHistoryTest {

  @Test
  void should_return_the_trace_id_when_the_traceparent_is_well_formed() {
    // given
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    // when
    String traceId = SagaHistory.traceId(traceparent);

    // then
    assertThat(traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void should_return_null_when_the_traceparent_is_absent_or_malformed() {
    // given
    String malformed = "4bf92f3577b34da6a3ce929d0e0e4736";

    // when
    String fromMalformed = SagaHistory.traceId(malformed);
    String fromAbsent = SagaHistory.traceId(null);

    // then
    assertThat(fromMalformed).isNull();
    assertThat(fromAbsent).isNull();
  }
}
