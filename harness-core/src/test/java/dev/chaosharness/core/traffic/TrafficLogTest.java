package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficLogTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;

  static TrafficRecord placed(long user, String orderId) {
    return new TrafficRecord(T0.plusMillis(20 * user), T0.plusMillis(20 * user + 1), "place-order", user,
        orderId, 201, Duration.ofMillis(12), RequestOutcome.OK, null, "COMPLETED");
  }

  @Test
  void should_write_one_json_line_with_every_field_when_formatting() {
    // when
    String line = TrafficLog.format(placed(1, "o-1"));
    // then
    assertThat(line).isEqualTo("{\"intended\":\"2026-01-01T00:00:00.020Z\",\"sent\":\"2026-01-01T00:00:00.021Z\","
        + "\"request\":\"place-order\",\"user\":1,\"orderId\":\"o-1\",\"status\":201,\"latencyMs\":12,"
        + "\"outcome\":\"ok\",\"expectedPath\":\"COMPLETED\",\"synthetic\":true}");
  }

  @Test
  void should_read_back_the_same_record_when_parsing_a_formatted_line() {
    // given
    TrafficRecord record = new TrafficRecord(T0, T0.plusMillis(3), "get-order", 4, "o-4", 0,
        Duration.ofMillis(3000), RequestOutcome.NO_RESPONSE, "PENDING", null);
    // when / then
    assertThat(TrafficLog.parse(TrafficLog.format(record))).isEqualTo(record);
  }

  @Test
  void should_skip_a_cut_last_line_and_keep_the_rest_when_the_writer_was_stopped() throws Exception {
    // given
    Path log = dir.resolve("traffic.jsonl");
    Files.writeString(log, TrafficLog.format(placed(0, "a")) + "\n" + TrafficLog.format(placed(1, "b")) + "\n{\"intended\":\"20");
    // when / then
    assertThat(TrafficLog.read(log)).extracting(TrafficRecord::orderId).containsExactly("a", "b");
  }

  @Test
  void should_list_the_accepted_orders_when_placements_were_answered_2xx() throws Exception {
    // given: o-1 accepted, o-2 refused, a poll of o-1, a placement without an answer
    Path log = dir.resolve("traffic.jsonl");
    TrafficRecord refused = new TrafficRecord(T0, T0, "place-order", 2, "o-2", 409, Duration.ofMillis(5),
        RequestOutcome.CLIENT_ERROR, null, "COMPLETED");
    TrafficRecord poll = new TrafficRecord(T0, T0, "get-order", 1, "o-1", 200, Duration.ofMillis(5),
        RequestOutcome.OK, "COMPLETED", null);
    TrafficRecord unanswered = new TrafficRecord(T0, T0, "place-order", 3, null, 0, Duration.ofMillis(5),
        RequestOutcome.NO_RESPONSE, null, "COMPLETED");
    Files.writeString(log, String.join("\n", TrafficLog.format(placed(1, "o-1")), TrafficLog.format(refused),
        TrafficLog.format(poll), TrafficLog.format(unanswered)) + "\n");
    // when / then
    assertThat(TrafficLog.acceptedOrders(log)).containsExactly("o-1");
    assertThat(TrafficLog.acceptedOrders(dir.resolve("none.jsonl"))).isEmpty();
  }

  @Test
  void should_name_file_line_and_field_when_a_line_is_bad() throws Exception {
    // given
    Path log = dir.resolve("traffic.jsonl");
    Files.writeString(log, "{\"intended\":\"2026-01-01T00:00:00Z\"}\n" + TrafficLog.format(placed(1, "b")) + "\n");
    // when / then
    assertThatThrownBy(() -> TrafficLog.read(log))
        .hasMessage(log + ":1: traffic log line is not a traffic record (field 'sent' must be a string): "
            + "{\"intended\":\"2026-01-01T00:00:00Z\"}");
  }
}
