package dev.chaosharness.core.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One synthetic request as written to the traffic log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param intended when the request was due (for a scenario's first request, its slot in the
 *     open-model schedule)
 * @param sent when it was actually sent
 * @param request the request's name, for example {@code place-order} or {@code get-order}
 * @param user the arrival index (0-based) of the scenario run it belongs to
 * @param orderId the order it created or read; {@code null} when there is none
 * @param status the HTTP status; 0 when there was no response
 * @param latency from the intended time to the response (or to the failure)
 * @param outcome how it ended
 * @param orderStatus the order status the response reported; {@code null} when none
 * @param expectedPath for {@code place-order}, the saga path its seeded inputs choose; else {@code null}
 */
public record TrafficRecord(
    Instant intended,
    Instant sent,
    String request,
    long user,
    String orderId,
    int status,
    Duration latency,
    RequestOutcome outcome,
    String orderStatus,
    String expectedPath) {

  /** Validates the record. */
  public TrafficRecord {
    Objects.requireNonNull(intended, "intended");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(outcome, "outcome");
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status must be 0 (no response) or an HTTP status, but was " + status);
    }
  }

  /** Whether the request ended as the scenario expected. */
  public boolean success() {
    return outcome == RequestOutcome.OK;
  }

  /** Whether this record is a scenario's first request (the one the open-model schedule times). */
  public boolean isArrival() {
    return !request.startsWith("get-order");
  }

  /** How long the request waited past its intended time before it was sent. */
  public Duration sendLag() {
    Duration lag = Duration.between(intended, sent);
    return lag.isNegative() ? Duration.ZERO : lag;
  }
}
