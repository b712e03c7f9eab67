package dev.chaosharness.core.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Adds up traffic-log records into progress snapshots and a {@link TrafficResult}; any driver
 * can feed it from its traffic log.
 *
 * <p>Thread-safe: all methods synchronize on the tally.
 */
public final class TrafficTally {

  private static final long MAX_TRACKED_MILLIS = Duration.ofHours(1).toMillis();

  private final TrafficPlan plan;
  private final Histogram latencyMillis = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Histogram sendLagMillis = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Map<RequestOutcome, Long> byOutcome = new EnumMap<>(RequestOutcome.class);
  private final Map<String, String> orderStatus = new HashMap<>();
  private long arrivals;
  private Instant firstIntended;
  private Instant lastArrivalSent;
  private Instant lastSeen;

  /** Creates an empty tally for a run of {@code plan}. */
  public TrafficTally(TrafficPlan plan) {
    this.plan = plan;
  }

  /** Adds one record. */
  public synchronized void add(TrafficRecord r) {
    byOutcome.merge(r.outcome(), 1L, Long::sum);
    latencyMillis.recordValue(clamp(r.latency().toMillis()));
    if (r.isArrival()) {
      arrivals++;
      sendLagMillis.recordValue(clamp(r.sendLag().toMillis()));
      firstIntended = min(firstIntended, r.intended());
      lastArrivalSent = max(lastArrivalSent, r.sent());
      if (r.orderId() != null && r.outcome() == RequestOutcome.OK) {
        orderStatus.putIfAbsent(r.orderId(), "PENDING");
      }
    } else if (r.orderId() != null && r.orderStatus() != null) {
      orderStatus.put(r.orderId(), r.orderStatus());
    }
    lastSeen = max(lastSeen, r.intended().plus(r.latency()));
  }

  /** A snapshot of the records added so far. */
  public synchronized TrafficProgress progress() {
    Duration elapsed = firstIntended == null ? Duration.ZERO : Duration.between(firstIntended, lastSeen);
    long requests = byOutcome.values().stream().mapToLong(Long::longValue).sum();
    return new TrafficProgress(elapsed, arrivals, requests, requests - byOutcome.getOrDefault(RequestOutcome.OK, 0L));
  }

  /**
   * The results of the records added so far.
   *
   * @param extraAssertions outcomes the driver checked itself (its load generator's assertions)
   */
  public synchronized TrafficResult result(
      TrafficStatus status, Path directory, Path trafficLog, Path report, List<AssertionOutcome> extraAssertions) {
    double intendedRate = plan.intendedRate();
    double achievedRate = achievedRate(status);
    LatencySummary latency = latencySummary();
    List<AssertionOutcome> assertions = new ArrayList<>(checkAssertions(latency));
    assertions.addAll(extraAssertions);
    return new TrafficResult(plan, status, directory, trafficLog, report, arrivals, byOutcome,
        ordersByStatus(), intendedRate, achievedRate, latency,
        Duration.ofMillis(sendLagMillis.getTotalCount() == 0 ? 0 : sendLagMillis.getValueAtPercentile(99)),
        assertions);
  }

  private double achievedRate(TrafficStatus status) {
    if (arrivals == 0) {
      return 0;
    }
    Duration span = Duration.between(firstIntended, lastArrivalSent);
    Duration window = status == TrafficStatus.COMPLETED && span.compareTo(plan.duration()) < 0 ? plan.duration() : span;
    double seconds = Math.max(window.toNanos() / 1e9, 1e-3);
    return arrivals / seconds;
  }

  private LatencySummary latencySummary() {
    if (latencyMillis.getTotalCount() == 0) {
      return LatencySummary.empty();
    }
    return new LatencySummary(at(50), at(90), at(95), at(99), Duration.ofMillis(latencyMillis.getMaxValue()));
  }

  private List<AssertionOutcome> checkAssertions(LatencySummary latency) {
    TrafficAssertions limits = plan.assertions();
    long requests = latencyMillis.getTotalCount();
    long measured = requests == 0 ? 0 : latencyMillis.getValueAtPercentile(limits.percentile());
    double errorRatio = requests == 0 ? 0 : (requests - byOutcome.getOrDefault(RequestOutcome.OK, 0L)) / (double) requests;
    return List.of(
        new AssertionOutcome(
            String.format(Locale.ROOT, "p%s latency from intended send <= %d ms",
                trim(limits.percentile()), limits.maxLatency().toMillis()),
            measured + " ms", requests > 0 && measured <= limits.maxLatency().toMillis()),
        new AssertionOutcome(
            String.format(Locale.ROOT, "failed requests <= %s%%", trim(limits.maxErrorRatio() * 100)),
            String.format(Locale.ROOT, "%.2f%% of %d", errorRatio * 100, requests),
            requests > 0 && errorRatio <= limits.maxErrorRatio()));
  }

  private Map<String, Long> ordersByStatus() {
    Map<String, Long> counts = new TreeMap<>();
    for (String s : orderStatus.values()) {
      String last = "COMPLETED".equals(s) || "FAILED".equals(s) ? s : "UNRESOLVED";
      counts.merge(last, 1L, Long::sum);
    }
    return counts;
  }

  private Duration at(double percentile) {
    return Duration.ofMillis(latencyMillis.getValueAtPercentile(percentile));
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static long clamp(long millis) {
    return Math.max(0, Math.min(millis, MAX_TRACKED_MILLIS));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
