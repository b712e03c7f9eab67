package dev.chaosharness.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

  private static final String[] TYPES = {"OrderCreated", "PaymentProcessed", "StockReserved", "ShipmentScheduled", "OrderCompleted"};
  private static final String[] TOPICS = {"orders.events", "payments.events", "stock.events", "shipping.events", "orders.events"};

  @Test
  void should_hold_at_most_300_bytes_per_event_when_storing_sample_sagas() {
    // given
    SplittableRandom random = new SplittableRandom(42);
    EventHistory history = new EventHistory();
    Instant start = Instant.parse("2026-11-22T00:00:00Z");
    // when
    for (int order = 0; order < 40_000; order++) {
      String orderId = new UUID(random.nextLong(), random.nextLong()).toString();
      String trace = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      UUID cause = null;
      for (int step = 0; step < TYPES.length; step++) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        history.append(new RecordedEvent(TOPICS[step], random.nextInt(3), order * 5L + step, orderId, id, TYPES[step],
            orderId, start.plusMillis(order), cause, true, trace, start.plusMillis(order + step)));
        cause = id;
      }
    }
    // then
    long perEvent = history.estimatedBytes() / history.size();
    assertThat(history.size()).isEqualTo(200_000);
    assertThat(perEvent).isLessThanOrEqualTo(300);
    assertThat(history.stringCount()).isEqualTo(4 + 5 + 2 * 40_000);
  }

  @Test
  void should_name_the_valid_range_when_an_index_is_out_of_bounds() {
    // given
    EventHistory history = new EventHistory();
    // when / then
    assertThatThrownBy(() -> history.get(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("event index must be within [0, 0), but was 0");
  }

  @Test
  void should_round_trip_times_when_formatting_and_parsing_micros() {
    // given
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long micros = random.nextLong(-10_000_000_000_000_000L, 10_000_000_000_000_000L);
      StringBuilder text = new StringBuilder();
      // when
      Timestamps.append(text, micros);
      byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      // then
      assertThat(Timestamps.parse(bytes, 0, bytes.length)).as(text.toString()).isEqualTo(micros);
      assertThat(Timestamps.toInstant(micros)).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void should_reject_an_empty_topic_when_building_an_event() {
    // when / then
    assertThatThrownBy(() -> new RecordedEvent("", 0, 0, "k", new UUID(0, 1), "T", "k", Instant.EPOCH, null, false, null, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic must not be empty, but was ");
  }
}
