package dev.chaosharness.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans received so far, by trace id.
 *
 * <p>Thread-safe: the receiver adds from its request threads while checks read.
 */
public final class SpanStore {

  private final Map<String, List<RecordedSpan>> byTrace = new ConcurrentHashMap<>();

  /** Adds one span. */
  public void add(RecordedSpan span) {
    byTrace.computeIfAbsent(span.traceId(), t -> new CopyOnWriteArrayList<>()).add(span);
  }

  /** Returns the spans of {@code traceId}, empty when none arrived. */
  public List<RecordedSpan> trace(String traceId) {
    return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
  }

  /** Returns the number of spans received. */
  public int spanCount() {
    return byTrace.values().stream().mapToInt(List::size).sum();
  }

  /** Returns every span received, grouped by trace. */
  public List<RecordedSpan> all() {
    List<RecordedSpan> all = new ArrayList<>();
    byTrace.values().forEach(all::addAll);
    return all;
  }
}
