package dev.chaosharness.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

  private static final Instant SEEN = Instant.parse("2026-11-22T01:00:01Z");
  private static final String ENVELOPE = "{\"eventId\":\"00000000-0000-0000-0000-000000000002\",\"type\":\"PaymentProcessed\","
      + "\"orderId\":\"o-1\",\"occurredAt\":\"2026-11-22T02:00:00.5+01:00\",\"source\":\"payment\","
      + "\"causationId\":\"00000000-0000-0000-0000-000000000001\",\"synthetic\":true,\"payload\":{\"amount\":[1,2]}}";

  private static RecordedEvent decode(String value, String traceparent) throws RecordDecoder.BadEnvelope {
    return RecordDecoder.decode("payments.events", 2, 9, "o-1", value == null ? null : value.getBytes(StandardCharsets.UTF_8),
        traceparent == null ? null : traceparent.getBytes(StandardCharsets.US_ASCII), SEEN);
  }

  @Test
  void should_read_the_envelope_and_trace_id_when_the_record_is_an_event() throws Exception {
    // when
    RecordedEvent event = decode(ENVELOPE, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    // then
    assertThat(event).isEqualTo(new RecordedEvent("payments.events", 2, 9, "o-1", new UUID(0, 2), "PaymentProcessed", "o-1",
        Instant.parse("2026-11-22T01:00:00.5Z"), new UUID(0, 1), true, "4bf92f3577b34da6a3ce929d0e0e4736", SEEN));
  }

  @Test
  void should_say_which_field_is_wrong_when_the_record_is_not_an_envelope() {
    // when / then
    assertThatThrownBy(() -> decode(ENVELOPE.replace("\"type\":\"PaymentProcessed\",", ""), null))
        .hasMessage("field 'type' is missing");
    assertThatThrownBy(() -> decode(ENVELOPE.replace("00000000-0000-0000-0000-000000000002", "x"), null))
        .hasMessage("field 'eventId' is not a UUID: 'x'");
    assertThatThrownBy(() -> decode(ENVELOPE.replace("2026-11-22T02:00:00.5+01:00", "noon"), null))
        .hasMessage("field 'occurredAt' is not an ISO-8601 time with offset: 'noon'");
    assertThatThrownBy(() -> decode("[1]", null)).hasMessage("the value is not a JSON object");
    assertThatThrownBy(() -> decode(null, null)).hasMessage("the record has no value (a tombstone), not an event envelope");
    assertThatThrownBy(() -> decode("{\"eventId\":", null)).hasMessageStartingWith("the value is not valid JSON: ");
  }

  @Test
  void should_ignore_a_malformed_traceparent_when_decoding() throws Exception {
    // when / then
    assertThat(decode(ENVELOPE, "garbage").traceId()).isNull();
    assertThat(decode(ENVELOPE, null).traceId()).isNull();
  }
}
