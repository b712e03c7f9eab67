package dev.chaosharness.traffic.gatling;

import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.core.traffic.TrafficRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the traffic log from inside a simulation and knows each arrival's intended send time.
 *
 * <p>Arrival {@code n} is due at {@code start + schedule.offsetOf(n)}. No arrival runs before
 * it is due, so the run's start is the earliest {@code now - offset(n)} any arrival has seen
 * (it converges within the first arrivals). Lines are flushed
 * every 200 ms so a driver can tail the file, and on JVM shutdown so a stopped run keeps them.
 *
 * <p>Thread-safe: Gatling calls it from many event-loop threads.
 */
final class RequestLogger implements AutoCloseable {

  private final Clock clock;
  private final ArrivalSchedule schedule;
  private final BufferedWriter writer;
  private final AtomicLong startMillis = new AtomicLong(Long.MAX_VALUE);
  private final ScheduledExecutorService flusher;
  private final Thread shutdownHook = new Thread(this::close, "traffic-log-close");
  private boolean closed;

  RequestLogger(Path file, ArrivalSchedule schedule, Clock clock) {
    this.clock = clock;
    this.schedule = schedule;
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the traffic log " + file + ": " + e.getMessage(), e);
    }
    this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "traffic-log-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleAtFixedRate(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The current time in epoch milliseconds. */
  long now() {
    return clock.millis();
  }

  /** The intended send time of arrival {@code n}, in epoch milliseconds. */
  long intendedMillis(long n) {
    long offset = schedule.offsetOf(n).toMillis();
    long impliedStart = clock.millis() - offset;
    return startMillis.accumulateAndGet(impliedStart, (a, b) -> a == Long.MAX_VALUE ? b : Math.min(a, b)) + offset;
  }

  /** Writes one line for a request that ended now. */
  void write(RequestFacts facts) {
    long received = clock.millis();
    RequestOutcome outcome = RequestOutcome.classify(facts.status(), facts.expected());
    TrafficRecord record = new TrafficRecord(
        Instant.ofEpochMilli(facts.intendedMillis()),
        Instant.ofEpochMilli(facts.sentMillis()),
        facts.request(),
        facts.user(),
        facts.orderId(),
        facts.status(),
        Duration.ofMillis(Math.max(0, received - facts.intendedMillis())),
        outcome,
        facts.orderStatus(),
        facts.expectedPath());
    String line = TrafficLog.format(record);
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        writer.write(line);
        writer.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the traffic log: " + e.getMessage(), e);
      }
    }
  }

  private synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      writer.flush();
    } catch (IOException e) {
      // the next flush or close reports it
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.shutdownNow();
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the traffic log: " + e.getMessage(), e);
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook will find the log closed
      }
    }
  }

  /** What the simulation knows about one request when it ends. */
  record RequestFacts(
      String request, long user, long intendedMillis, long sentMillis, int status, boolean expected,
      String orderId, String orderStatus, String expectedPath) {}
}
