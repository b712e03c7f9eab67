package dev.chaosharness.core.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point for every fault kind, read as a sentence.
 *
 * <pre>{@code
 * Fault slow = Faults.latency(ofMillis(200)).withJitter(ofMillis(50)).on("payment->provider");
 * Fault down = Faults.linkDown("stock->db");
 * Fault flaky = Faults.httpError(503).forUrls("/charges.*").on("provider");
 * Fault crash = Faults.kill("payment");
 * Fault redeliver = Faults.rewindOffsets("payment", "orders.events", 50);
 * Fault poison = Faults.poisonEvent("orders.events");
 * }</pre>
 *
 * <p>Stateless and thread-safe; each call returns a new fault.
 */
public final class Faults {

  private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

  private Faults() {}

  /** Delays data on a link by {@code delay} (Toxiproxy {@code latency}). */
  public static ToxicFault.Builder latency(Duration delay) {
    return toxic(ToxicKind.LATENCY, Map.of("latency", millis("latency", delay)));
  }

  /** Limits a link to {@code kilobytesPerSecond} (Toxiproxy {@code bandwidth}). */
  public static ToxicFault.Builder bandwidth(long kilobytesPerSecond) {
    return toxic(ToxicKind.BANDWIDTH, Map.of("rate", positive("rate", kilobytesPerSecond)));
  }

  /** Delays closing connections by {@code delay} (Toxiproxy {@code slow_close}). */
  public static ToxicFault.Builder slowClose(Duration delay) {
    return toxic(ToxicKind.SLOW_CLOSE, Map.of("delay", millis("delay", delay)));
  }

  /** Stops data on a link and closes connections after {@code timeout} (Toxiproxy {@code timeout}). */
  public static ToxicFault.Builder timeout(Duration timeout) {
    return toxic(ToxicKind.TIMEOUT, Map.of("timeout", millis("timeout", timeout)));
  }

  /** Stops data on a link and holds connections open until reverted (Toxiproxy {@code timeout} 0). */
  public static ToxicFault.Builder blackhole() {
    return toxic(ToxicKind.TIMEOUT, Map.of("timeout", 0L));
  }

  /** Resets connections (TCP RST) {@code after} the first data (Toxiproxy {@code reset_peer}). */
  public static ToxicFault.Builder resetPeer(Duration after) {
    return toxic(ToxicKind.RESET_PEER, Map.of("timeout", millis("after", after)));
  }

  /** Slices data into pieces of about {@code averageBytes}, {@code delay} apart (Toxiproxy {@code slicer}). */
  public static ToxicFault.Builder slicer(long averageBytes, long sizeVariation, Duration delay) {
    return toxic(ToxicKind.SLICER, Map.of(
        "average_size", positive("averageBytes", averageBytes),
        "size_variation", Math.max(0, sizeVariation),
        "delay", Math.max(0, delay.toNanos() / 1000)));
  }

  /** Closes connections after {@code bytes} passed (Toxiproxy {@code limit_data}). */
  public static ToxicFault.Builder limitData(long bytes) {
    return toxic(ToxicKind.LIMIT_DATA, Map.of("bytes", positive("bytes", bytes)));
  }

  /** Takes the link down: new connections are refused and open ones cut. */
  public static LinkDownFault linkDown(String link) {
    return new LinkDownFault(Objects.requireNonNull(link, "link"));
  }

  /** Delays every response of an HTTP dependency by {@code delay}. */
  public static HttpFault.Builder httpDelay(Duration delay) {
    return new HttpFault.Builder(HttpFault.Kind.FIXED_DELAY, millis("delay", delay), 0);
  }

  /** Delays every response of an HTTP dependency by a uniform random time in [min, max]. */
  public static HttpFault.Builder httpRandomDelay(Duration min, Duration max) {
    long low = millis("min", min);
    long high = millis("max", max);
    if (high < low) {
      throw new IllegalArgumentException("max must be >= min, but was " + max + " < " + min);
    }
    return new HttpFault.Builder(HttpFault.Kind.RANDOM_DELAY, low, high);
  }

  /** Answers with {@code status} instead of the stubbed response. */
  public static HttpFault.Builder httpError(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be within [100, 599], but was " + status);
    }
    return new HttpFault.Builder(HttpFault.Kind.ERROR_STATUS, status, 0);
  }

  /** Resets the connection instead of answering. */
  public static HttpFault.Builder connectionReset() {
    return new HttpFault.Builder(HttpFault.Kind.CONNECTION_RESET, 0, 0);
  }

  /** Answers with a malformed HTTP response. */
  public static HttpFault.Builder malformedResponse() {
    return new HttpFault.Builder(HttpFault.Kind.MALFORMED_RESPONSE, 0, 0);
  }

  /** Kills the process with SIGKILL; revert restarts it and waits until it is ready. */
  public static ProcessFault kill(String process) {
    return new ProcessFault(ProcessFault.Kind.KILL, process, DEFAULT_READY_TIMEOUT);
  }

  /** Pauses the process with SIGSTOP; revert resumes it. */
  public static ProcessFault pause(String process) {
    return new ProcessFault(ProcessFault.Kind.PAUSE, process, DEFAULT_READY_TIMEOUT);
  }

  /** Restarts the process and waits until it is ready; nothing to revert. */
  public static ProcessFault restart(String process) {
    return new ProcessFault(ProcessFault.Kind.RESTART, process, DEFAULT_READY_TIMEOUT);
  }

  /**
   * Rewinds the consumer group of {@code service} (its name) on {@code topic} by {@code records}
   * per partition: the service reads them again (duplicate delivery). Stops and restarts the
   * service; nothing to revert.
   */
  public static RewindOffsetsFault rewindOffsets(String service, String topic, long records) {
    return RewindOffsetsFault.byRecords(service, topic, records);
  }

  /**
   * Rewinds the consumer group of {@code service} on {@code topic} to the first records written
   * {@code back} ago: the service reads them again. Stops and restarts the service; nothing to revert.
   */
  public static RewindOffsetsFault rewindOffsets(String service, String topic, Duration back) {
    return RewindOffsetsFault.byTime(service, topic, back);
  }

  /**
   * Publishes one malformed record (not an event envelope) under a fresh key onto {@code topic};
   * nothing to revert.
   */
  public static PoisonEventFault poisonEvent(String topic) {
    return new PoisonEventFault(topic, PoisonEventFault.DEFAULT_VALUE, new java.util.SplittableRandom());
  }

  private static ToxicFault.Builder toxic(ToxicKind kind, Map<String, Long> attributes) {
    return new ToxicFault.Builder(kind, attributes);
  }

  static long millis(String what, Duration duration) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, but was " + duration);
    }
    return duration.toMillis();
  }

  private static long positive(String what, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be > 0, but was " + value);
    }
    return value;
  }
}
