package dev.chaosharness.sample.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID CAUSE = UUID.fromString("00000000-0000-4000-8000-000000000002");

  @Test
  void should_round_trip_every_envelope_field_when_encoding_then_decoding() {
    // given
    EventEnvelope event = new EventEnvelope(ID, "PaymentProcessed", "o-1", Instant.parse("2026-01-02T03:04:05Z"),
        "payment", CAUSE, true, EventCodec.JSON.createObjectNode().put("amountCents", 1000));

    // when
    EventEnvelope decoded = EventCodec.decode(EventCodec.encode(event));

    // then
    assertThat(decoded).isEqualTo(event);
    assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8)).isEqualTo(
        "{\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"type\":\"PaymentProcessed\",\"orderId\":\"o-1\","
            + "\"occurredAt\":\"2026-01-02T03:04:05Z\",\"source\":\"payment\","
            + "\"causationId\":\"00000000-0000-4000-8000-000000000002\",\"synthetic\":true,"
            + "\"payload\":{\"amountCents\":1000}}");
  }

  @Test
  void should_keep_a_null_causation_when_the_event_starts_a_saga() {
    // given
    EventEnvelope event = new EventEnvelope(ID, "OrderCreated", "o-1", Instant.EPOCH, "order", null, false,
        EventCodec.JSON.createObjectNode());

    // when
    EventEnvelope decoded = EventCodec.decode(EventCodec.encode(event));

    // then
    assertThat(decoded.causationId()).isNull();
  }

  @Test
  void should_explain_the_problem_when_bytes_are_not_json() {
    assertThatThrownBy(() -> EventCodec.decode("{oops".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("event is not JSON: ");
  }

  @Test
  void should_name_the_field_when_the_event_id_is_not_a_uuid() {
    String json = "{\"eventId\":\"x\",\"type\":\"T\",\"orderId\":\"o\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
        + "\"source\":\"s\",\"payload\":{}}";
    assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("event field 'eventId' must be a UUID, but was 'x'");
  }

  @Test
  void should_name_the_field_when_the_payload_is_missing() {
    String json = "{\"eventId\":\"" + ID + "\",\"type\":\"T\",\"orderId\":\"o\"}";
    assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("event field 'payload' must be an object");
  }

  @Test
  void should_name_the_field_when_the_time_is_not_iso_8601() {
    String json = "{\"eventId\":\"" + ID + "\",\"type\":\"T\",\"orderId\":\"o\",\"occurredAt\":\"yesterday\","
        + "\"source\":\"s\",\"payload\":{}}";
    assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("event field 'occurredAt' must be ISO-8601, but was 'yesterday'");
  }
}
