package dev.chaosharness.traffic.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.RateSegment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrivalQueueTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static ArrivalSchedule constant(double rate, Duration duration) {
    return ArrivalSchedule.of(List.of(new RateSegment(rate, rate, duration)));
  }

  @Test
  void should_hand_out_every_arrival_once_in_order_then_minus_one_when_the_schedule_is_used_up() {
    // given: 10/s for 2 s
    ArrivalQueue queue = new ArrivalQueue(constant(10, Duration.ofSeconds(2)), Clock.fixed(T0, ZoneOffset.UTC));
    // when
    long[] taken = IntStream.range(0, 22).mapToLong(i -> queue.take()).toArray();
    // then
    assertThat(queue.total()).isEqualTo(20);
    assertThat(taken).startsWith(IntStream.range(0, 20).asLongStream().toArray()).endsWith(-1, -1);
  }

  @Test
  void should_date_arrivals_from_the_first_take_whenever_later_ones_are_taken() {
    // given: 4/s; the first arrival is taken at T0, the fifth 3 s later (2 s late)
    MovingClock clock = new MovingClock(T0);
    ArrivalQueue queue = new ArrivalQueue(constant(4, Duration.ofSeconds(2)), clock);
    queue.take();
    clock.now = T0.plusSeconds(3);
    for (int i = 1; i <= 4; i++) {
      queue.take();
    }
    // when
    long due = queue.dueMillis(4);
    // then: due 1 s after the start, so it is sent at once and its 2 s of lateness count in its latency
    assertThat(due).isEqualTo(T0.plusSeconds(1).toEpochMilli());
    assertThat(queue.millisUntilDue(4)).isZero();
  }

  @Test
  void should_wait_for_an_arrival_taken_early_and_not_at_all_for_one_taken_late() {
    // given: 2/s; taken at T0 (the start)
    ArrivalQueue queue = new ArrivalQueue(constant(2, Duration.ofSeconds(5)), Clock.fixed(T0, ZoneOffset.UTC));
    queue.take();
    // when / then: arrival 3 is due 1.5 s after the start; arrival 0 is due now
    assertThat(queue.millisUntilDue(3)).isEqualTo(1_500);
    assertThat(queue.millisUntilDue(0)).isZero();
  }

  @Test
  void should_hand_each_arrival_to_one_worker_when_workers_take_concurrently() {
    // given
    ArrivalQueue queue = new ArrivalQueue(constant(1_000, Duration.ofSeconds(10)), Clock.systemUTC());
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    // when: 8 workers take until the queue is used up
    IntStream.range(0, 8).parallel().forEach(w -> {
      for (long n = queue.take(); n >= 0; n = queue.take()) {
        assertThat(seen.add(n)).as("arrival %d handed out twice", n).isTrue();
      }
    });
    // then
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void should_say_the_run_has_not_started_when_asked_for_a_due_time_before_any_take() {
    // given
    ArrivalQueue queue = new ArrivalQueue(constant(1, Duration.ofSeconds(1)), Clock.fixed(T0, ZoneOffset.UTC));
    // when / then
    assertThatThrownBy(() -> queue.dueMillis(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("arrival 0 was not taken: the run has not started");
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
