package dev.chaosharness.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

  @TempDir Path dir;

  static final String GOOD_LINE =
      "{\"topic\":\"orders.events\",\"partition\":2,\"offset\":7,\"key\":\"o-1\","
          + "\"eventId\":\"00000000-0000-0000-0000-000000000001\",\"type\":\"OrderCreated\",\"orderId\":\"o-1\","
          + "\"occurredAt\":\"2026-11-22T01:00:00.000001Z\",\"causationId\":null,\"synthetic\":true,"
          + "\"traceId\":null,\"observedAt\":\"2026-11-22T01:00:00.5Z\"}";

  static RecordedEvent event(long offset, String type, UUID cause) {
    return new RecordedEvent("orders.events", 1, offset, "o-\"1\"\\é", new UUID(7, offset), type, "o-\"1\"\\é",
        Instant.parse("2026-11-22T01:00:00.123456Z").plusMillis(offset), cause, offset % 2 == 0,
        "4bf92f3577b34da6a3ce929d0e0e4736", Instant.parse("1969-12-31T23:59:59.999999Z").plusSeconds(offset));
  }

  @Test
  void should_read_back_every_field_when_events_were_written() {
    // given
    Path file = dir.resolve("sub/history.jsonl");
    List<RecordedEvent> events = List.of(event(0, "OrderCreated", null), event(1, "PaymentProcessed", new UUID(7, 0)));
    try (HistoryWriter writer = HistoryWriter.create(file)) {
      events.forEach(writer::write);
    }
    // when
    EventHistory history = HistoryReader.read(file);
    List<RecordedEvent> streamed = new ArrayList<>();
    HistoryReader.forEach(file, streamed::add);
    // then
    assertThat(history.size()).isEqualTo(2);
    assertThat(List.of(history.get(0), history.get(1))).isEqualTo(events);
    assertThat(streamed).isEqualTo(events);
  }

  @Test
  void should_accept_offsets_unknown_fields_blank_lines_and_crlf_when_reading() throws IOException {
    // given
    Path file = dir.resolve("h.jsonl");
    String extra = GOOD_LINE.replace("\"observedAt\":\"2026-11-22T01:00:00.5Z\"",
        "\"observedAt\":\"2026-11-22T02:00:00.5+01:00\",\"payload\":{\"a\":[1,\"}\",{\"b\":null}]},\"v\":-1.5e3");
    Files.writeString(file, GOOD_LINE + "\r\n\n   \n" + extra);
    // when
    EventHistory history = HistoryReader.read(file);
    // then
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.get(1).observedAt()).isEqualTo(Instant.parse("2026-11-22T01:00:00.5Z"));
    assertThat(history.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-22T01:00:00.000001Z"));
    assertThat(history.get(0).causationId()).isNull();
    assertThat(history.get(0).traceId()).isNull();
  }

  private HistoryFileException readBad(String line) throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, GOOD_LINE + "\n" + line + "\n", StandardCharsets.UTF_8);
    try {
      HistoryReader.read(file);
    } catch (HistoryFileException e) {
      return e;
    }
    throw new AssertionError("no error for " + line);
  }

  @Test
  void should_name_file_line_and_field_when_event_id_is_not_a_uuid() throws IOException {
    // when
    HistoryFileException e = readBad(GOOD_LINE.replace("00000000-0000-0000-0000-000000000001", "not-a-uuid"));
    // then
    assertThat(e.getMessage()).isEqualTo(dir.resolve("bad.jsonl") + " line 2, field 'eventId': expected a UUID such as "
        + "123e4567-e89b-12d3-a456-426614174000, but was 'not-a-uuid'");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.field()).isEqualTo("eventId");
  }

  @Test
  void should_name_the_missing_field_when_a_required_field_is_absent() throws IOException {
    // when
    HistoryFileException e = readBad(GOOD_LINE.replace("\"type\":\"OrderCreated\",", ""));
    // then
    assertThat(e.getMessage()).isEqualTo(dir.resolve("bad.jsonl") + " line 2, field 'type': missing; every line needs "
        + "topic, partition, offset, key, eventId, type, orderId, occurredAt, synthetic, observedAt");
  }

  @Test
  void should_explain_the_time_format_when_a_time_is_malformed() throws IOException {
    // when
    HistoryFileException e = readBad(GOOD_LINE.replace("2026-11-22T01:00:00.000001Z", "yesterday"));
    // then
    assertThat(e.getMessage()).isEqualTo(dir.resolve("bad.jsonl") + " line 2, field 'occurredAt': expected an ISO-8601 "
        + "time with offset such as 2026-01-31T12:00:00.000001Z, but was 'yesterday'");
  }

  @Test
  void should_reject_a_negative_or_fractional_number_when_reading_offsets() throws IOException {
    // when
    HistoryFileException negative = readBad(GOOD_LINE.replace("\"offset\":7", "\"offset\":-7"));
    HistoryFileException fraction = readBad(GOOD_LINE.replace("\"partition\":2", "\"partition\":2.5"));
    HistoryFileException text = readBad(GOOD_LINE.replace("\"synthetic\":true", "\"synthetic\":\"yes\""));
    // then
    assertThat(negative.getMessage()).endsWith("line 2, field 'offset': expected a whole number >= 0, but was '-7'");
    assertThat(fraction.getMessage()).endsWith("line 2, field 'partition': expected a whole number >= 0, but was '2.5'");
    assertThat(text.getMessage()).endsWith("line 2, field 'synthetic': expected true or false, but was '\"yes\"'");
  }

  @Test
  void should_point_at_the_column_when_a_line_is_not_json() throws IOException {
    // when
    HistoryFileException notObject = readBad("hello");
    HistoryFileException trailing = readBad(GOOD_LINE + " x");
    HistoryFileException truncated = readBad(GOOD_LINE.substring(0, GOOD_LINE.indexOf("\"key\":") + 8));
    // then
    assertThat(notObject.getMessage()).endsWith("line 2: expected a JSON object starting with '{' at column 1, but found 'h'");
    assertThat(trailing.getMessage()).endsWith("line 2: unexpected text after the JSON object: 'x'");
    assertThat(truncated.getMessage()).endsWith("line 2, field 'key': unterminated string");
  }

  @Test
  void should_say_no_such_file_when_the_file_is_missing() {
    // given
    Path missing = dir.resolve("missing.jsonl");
    // when / then
    assertThatThrownBy(() -> HistoryReader.read(missing))
        .isInstanceOf(HistoryFileException.class)
        .hasMessage(missing + ": no such file; pass the path of a history file written by the observer");
  }
}
