package dev.chaosharness.core.traffic;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a traffic run does: which scenario, against which base URL, at what open-model rate,
 * for how long, with which profile and seed, and which assertions it must meet.
 *
 * <pre>{@code
 * TrafficPlan plan = TrafficPlan.builder()
 *     .scenario("place-order")
 *     .baseUrl(URI.create("http://127.0.0.1:8080"))
 *     .rate(50).duration(Duration.ofSeconds(30))
 *     .profile(LoadProfile.RAMP).seed(42)
 *     .outputDirectory(Path.of("target/traffic"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class TrafficPlan {

  private final String scenario;
  private final URI baseUrl;
  private final double rate;
  private final Duration duration;
  private final LoadProfile profile;
  private final long seed;
  private final Path outputDirectory;
  private final TrafficAssertions assertions;
  private final Duration pollInterval;
  private final Duration pollTimeout;
  private final boolean htmlReport;
  private final int maxConnections;

  private TrafficPlan(Builder b) {
    this.scenario = b.scenario;
    this.baseUrl = b.baseUrl;
    this.rate = b.rate;
    this.duration = b.duration;
    this.profile = b.profile;
    this.seed = b.seed;
    this.outputDirectory = b.outputDirectory;
    this.assertions = b.assertions;
    this.pollInterval = b.pollInterval;
    this.pollTimeout = b.pollTimeout;
    this.htmlReport = b.htmlReport;
    this.maxConnections = b.maxConnections;
  }

  /** A builder with the defaults: constant profile, seed 1, default assertions. */
  public static Builder builder() {
    return new Builder();
  }

  /** The scenario name, for example {@code place-order} or {@code browse}. */
  public String scenario() {
    return scenario;
  }

  /** The base URL the scenario's requests go to. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The peak arrival rate: scenario starts per second. */
  public double rate() {
    return rate;
  }

  /** How long arrivals are injected. */
  public Duration duration() {
    return duration;
  }

  /** How the arrival rate moves over the run. */
  public LoadProfile profile() {
    return profile;
  }

  /** The seed of the synthetic data; the same seed gives the same requests. */
  public long seed() {
    return seed;
  }

  /** Where the run's directory (traffic log, HTML report) is created. */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /** The thresholds the run is checked against. */
  public TrafficAssertions assertions() {
    return assertions;
  }

  /** The pause between polls of an order's status. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long an order is polled before it counts as unresolved. */
  public Duration pollTimeout() {
    return pollTimeout;
  }

  /** Whether the driver also writes its human-readable HTML report. */
  public boolean htmlReport() {
    return htmlReport;
  }

  /**
   * The most connections the load generator opens to the target, shared by all arrivals.
   * Arrivals beyond it wait for a free connection, and the wait counts in their latency from
   * the intended send time; without a bound, a slow or cold start opens a connection per
   * waiting arrival until file descriptors run out. A driver may honour it for some scenarios
   * only (the Gatling driver: {@code browse}, not {@code place-order}; see docs/traffic.md).
   */
  public int maxConnections() {
    return maxConnections;
  }

  /** The mean intended arrival rate over the whole run (lower than {@link #rate()} unless constant). */
  public double intendedRate() {
    return ArrivalSchedule.of(this).expectedArrivals() / (duration.toNanos() / 1e9);
  }

  /** A builder holding this plan's settings. */
  public Builder toBuilder() {
    return builder().scenario(scenario).baseUrl(baseUrl).rate(rate).duration(duration)
        .profile(profile).seed(seed).outputDirectory(outputDirectory).assertions(assertions)
        .pollInterval(pollInterval).pollTimeout(pollTimeout).htmlReport(htmlReport)
        .maxConnections(maxConnections);
  }

  @Override
  public String toString() {
    return scenario + " at " + rate + "/s (" + profile.label() + ") for " + duration + " against "
        + baseUrl + ", seed " + seed;
  }

  /** Builds a {@link TrafficPlan}, validating each setting as it is given. Not thread-safe. */
  public static final class Builder {
    private String scenario;
    private URI baseUrl;
    private double rate = Double.NaN;
    private Duration duration;
    private LoadProfile profile = LoadProfile.CONSTANT;
    private long seed = 1;
    private Path outputDirectory = Path.of("target", "traffic");
    private TrafficAssertions assertions = TrafficAssertions.ofDefaults();
    private Duration pollInterval = Duration.ofMillis(250);
    private Duration pollTimeout = Duration.ofSeconds(30);
    private boolean htmlReport = true;
    private int maxConnections = 128;

    private Builder() {}

    /** The scenario name; the driver checks it is one it knows. */
    public Builder scenario(String scenario) {
      if (scenario == null || scenario.isBlank()) {
        throw new IllegalArgumentException("scenario must not be blank, but was '" + scenario + "'");
      }
      this.scenario = scenario.trim();
      return this;
    }

    /** The base URL, {@code http://} or {@code https://} with a host. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      String scheme = baseUrl.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "base URL must be http:// or https:// with a host, but was '" + baseUrl + "'");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /** The peak arrival rate in scenario starts per second; must be within (0, 100000]. */
    public Builder rate(double rate) {
      if (!(rate > 0) || rate > 100_000) {
        throw new IllegalArgumentException("rate must be within (0, 100000] per second, but was " + rate);
      }
      this.rate = rate;
      return this;
    }

    /** How long arrivals are injected; at least one second. */
    public Builder duration(Duration duration) {
      if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("duration must be at least 1s, but was " + duration);
      }
      this.duration = duration;
      return this;
    }

    /** The load profile; constant by default. */
    public Builder profile(LoadProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** The seed of the synthetic data; 1 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Where run directories are created; {@code target/traffic} by default. */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
      return this;
    }

    /** The thresholds the run is checked against. */
    public Builder assertions(TrafficAssertions assertions) {
      this.assertions = Objects.requireNonNull(assertions, "assertions");
      return this;
    }

    /** The pause between polls of an order's status; within [10ms, 1min], 250 ms by default. */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval == null || pollInterval.toMillis() < 10 || pollInterval.toMinutes() > 1) {
        throw new IllegalArgumentException("poll interval must be within [10ms, 1m], but was " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** How long an order is polled before it counts as unresolved; positive, 30 s by default. */
    public Builder pollTimeout(Duration pollTimeout) {
      if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
        throw new IllegalArgumentException("poll timeout must be positive, but was " + pollTimeout);
      }
      this.pollTimeout = pollTimeout;
      return this;
    }

    /** Whether to write the HTML report too; on by default. */
    public Builder htmlReport(boolean htmlReport) {
      this.htmlReport = htmlReport;
      return this;
    }

    /** The most connections to the target; within [1, 10000], 128 by default. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1 || maxConnections > 10_000) {
        throw new IllegalArgumentException("max connections must be within [1, 10000], but was " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Builds the plan.
     *
     * @throws IllegalStateException naming the missing setting if scenario, base URL, rate or
     *     duration was not given
     */
    public TrafficPlan build() {
      if (scenario == null) {
        throw new IllegalStateException("a traffic plan needs a scenario; call scenario(...)");
      }
      if (baseUrl == null) {
        throw new IllegalStateException("a traffic plan needs a base URL; call baseUrl(...)");
      }
      if (Double.isNaN(rate)) {
        throw new IllegalStateException("a traffic plan needs a rate; call rate(...)");
      }
      if (duration == null) {
        throw new IllegalStateException("a traffic plan needs a duration; call duration(...)");
      }
      return new TrafficPlan(this);
    }
  }
}
