package dev.chaosharness.traffic.gatling;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the arrivals of an open-model schedule, in order, to a fixed pool of workers (one
 * Gatling virtual user and one keep-alive connection each), and says when each one is due.
 *
 * <p>The run starts when the first arrival is taken; arrival {@code n} is due at
 * {@code start + schedule.offsetOf(n)} whoever takes it and whenever. A worker that takes an
 * arrival early waits until it is due; one that takes it late sends at once, and the delay counts
 * in that request's latency from its intended time (no coordinated omission). So the schedule
 * never bends to the system's answers while a worker is free, and when none is, arrivals queue
 * instead of opening a connection each.
 *
 * <pre>{@code
 * ArrivalQueue arrivals = new ArrivalQueue(ArrivalSchedule.of(plan), Clock.systemUTC());
 * long n = arrivals.take();                 // -1 once every arrival has been handed out
 * long due = arrivals.dueMillis(n);
 * }</pre>
 *
 * <p>Thread-safe: workers on many event-loop threads take arrivals concurrently.
 */
final class ArrivalQueue {

  private static final long NOT_STARTED = Long.MIN_VALUE;

  private final ArrivalSchedule schedule;
  private final Clock clock;
  private final long total;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong startMillis = new AtomicLong(NOT_STARTED);

  ArrivalQueue(ArrivalSchedule schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
    this.total = Math.round(schedule.expectedArrivals());
  }

  /** How many arrivals the queue hands out in all. */
  long total() {
    return total;
  }

  /** The next arrival's index (from 0), or {@code -1} when every arrival has been taken. */
  long take() {
    long n = next.getAndIncrement();
    if (n >= total) {
      return -1;
    }
    startMillis.compareAndSet(NOT_STARTED, clock.millis());
    return n;
  }

  /** When arrival {@code n} is due, in epoch milliseconds; call after {@link #take()} returned it. */
  long dueMillis(long n) {
    long start = startMillis.get();
    if (start == NOT_STARTED) {
      throw new IllegalStateException("arrival " + n + " was not taken: the run has not started");
    }
    return start + schedule.offsetOf(n).toMillis();
  }

  /** Milliseconds until arrival {@code n} is due; 0 when it is due or late. */
  long millisUntilDue(long n) {
    return Math.max(0, dueMillis(n) - clock.millis());
  }
}
