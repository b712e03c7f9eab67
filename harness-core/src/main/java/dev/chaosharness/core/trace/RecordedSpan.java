package dev.chaosharness.core.trace;

import java.util.Objects;

/**
 * One span a service exported to the harness.
 *
 * <p>Immutable and thread-safe.
 *
 * @param traceId the trace id, 32 lowercase hex characters
 * @param spanId the span id, 16 lowercase hex characters
 * @param parentSpanId the parent span id, or {@code null} for a root span
 * @param name the span name
 * @param service the {@code service.name} resource attribute, or {@code unknown_service}
 * @param startNanos the start, in epoch nanoseconds
 * @param endNanos the end, in epoch nanoseconds
 */
public record RecordedSpan(String traceId, String spanId, String parentSpanId, String name, String service,
    long startNanos, long endNanos) {

  /** Validates the ids and names. */
  public RecordedSpan {
    Objects.requireNonNull(traceId, "traceId must not be null");
    Objects.requireNonNull(spanId, "spanId must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(service, "service must not be null");
  }
}
