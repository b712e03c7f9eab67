package dev.chaosharness.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficLineParserTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.020Z");
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void should_read_every_record_as_the_full_json_parser_does_when_the_line_is_as_written() {
    for (int i = 0; i < 20_000; i++) {
      // given
      TrafficRecord record = randomRecord();
      String line = TrafficLog.format(record);
      // when
      TrafficRecord plain = TrafficLineParser.tryParse(line);
      // then
      assertThat(plain).as(line).isEqualTo(record).isEqualTo(TrafficLog.parseTree(line));
    }
  }

  @Test
  void should_leave_the_line_to_the_full_parser_when_it_is_anything_but_a_plain_record() {
    for (String line : new String[] {
        "", "[]", "{\"intended\":\"2026-01-01T10:00:00Z\"}", "not json",
        line("\"latencyMs\":12.5"), line("\"latencyMs\":\"12\""), line("\"status\":\"200\""), line("\"user\":true"),
        line("\"orderId\":{\"a\":1}"), line("\"orderId\":7"), line("\"status\":1000"), line("\"status\":99999999999"),
        line("\"outcome\":\"maybe\""), line("\"latencyMs\":012"), line("\"latencyMs\":1e3"),
        "{\"intended\":\"2026-01-01T10:00:00Z\",\"sent\":\"2026-01-01T10:00:00Z\",\"request\":\"browse\","
            + "\"status\":200,\"latencyMs\":1,\"outcome\":\"ok\"} trailing",
        "{\"intended\":\"2026-01-01T10:00:00Z\",\"sent\":\"2026-01-01T10:00:00Z\",\"request\":\"br\\u00zzowse\","
            + "\"status\":200,\"latencyMs\":1,\"outcome\":\"ok\"}"}) {
      // when / then
      assertThat(TrafficLineParser.tryParse(line)).as(line).isNull();
    }
  }

  @Test
  void should_read_escapes_spaces_and_nulls_as_json_does_when_the_line_is_hand_written() {
    // given
    String line = " { \"intended\" : \"2026-01-01T10:00:00Z\" , \"sent\":\"2026-01-01T10:00:00.001Z\","
        + "\"request\":\"get\\\"order\\u0041\\n\\/\",\"user\":-3,\"orderId\":null,\"status\":200,\"latencyMs\":-1,"
        + "\"outcome\":\"ok\",\"orderStatus\":\"COMPLETED\",\"synthetic\":true,\"extra\":false } ";
    // when
    TrafficRecord plain = TrafficLineParser.tryParse(line);
    // then
    assertThat(plain).isNotNull().isEqualTo(TrafficLog.parseTree(line));
    assertThat(plain.request()).isEqualTo("get\"orderA\n/");
  }

  @Test
  void should_never_disagree_with_the_full_parser_when_lines_are_damaged() {
    for (int i = 0; i < 20_000; i++) {
      // given: a written line with one character dropped or replaced
      String line = TrafficLog.format(randomRecord());
      int at = random.nextInt(line.length());
      String damaged = random.nextBoolean() ? line.substring(0, at) + line.substring(at + 1)
          : line.substring(0, at) + "\"{}:,0a\\ -.".charAt(random.nextInt(11)) + line.substring(at + 1);
      // when
      TrafficRecord plain = TrafficLineParser.tryParse(damaged);
      // then: either it leaves the line, or it reads what the full parser reads
      if (plain != null) {
        assertThat(plain).as(damaged).isEqualTo(TrafficLog.parseTree(damaged));
      }
    }
  }

  private static String line(String replacement) {
    String base = "{\"intended\":\"2026-01-01T10:00:00Z\",\"sent\":\"2026-01-01T10:00:00Z\",\"request\":\"browse\","
        + "\"user\":1,\"status\":200,\"latencyMs\":1,\"outcome\":\"ok\"";
    String field = replacement.substring(0, replacement.indexOf(':') + 1);
    int from = base.indexOf(field);
    if (from < 0) {
      return base + "," + replacement + "}";
    }
    int to = base.indexOf(',', from);
    return base.substring(0, from) + replacement + (to < 0 ? "" : base.substring(to)) + "}";
  }

  private TrafficRecord randomRecord() {
    Instant intended = T0.plusMillis(random.nextLong(0, 86_400_000L))
        .plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000) : 0);
    Instant sent = intended.plusMillis(random.nextInt(50));
    RequestOutcome outcome = RequestOutcome.values()[random.nextInt(RequestOutcome.values().length)];
    String[] requests = {"place-order", "get-order", "browse", "we\"ird\\na\tme\u0001é"};
    return new TrafficRecord(intended, sent, requests[random.nextInt(requests.length)], random.nextLong(0, 1L << 40),
        random.nextBoolean() ? null : "order-" + random.nextInt(), random.nextInt(1000),
        Duration.ofMillis(random.nextInt(60_000)), outcome, random.nextBoolean() ? null : "COMPLETED",
        random.nextBoolean() ? null : "PAYMENT_DECLINED");
  }
}
