package dev.chaosharness.traffic.synthetics;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What production synthetics check and how gently: scenarios, target, per-cycle rate and
 * duration, and the production guard rails.
 *
 * <p>On a production target, synthetics refuse to run unless production is explicitly allowed,
 * and cap each cycle at {@value #PRODUCTION_MAX_RATE} arrivals/s for at most
 * {@link #PRODUCTION_MAX_DURATION}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenarios the scenarios each cycle runs, in order
 * @param baseUrl the target's order API
 * @param production whether the target is marked production
 * @param allowProduction whether the operator allowed running against production
 * @param rate arrivals per second within a cycle
 * @param duration how long each scenario injects per cycle
 * @param seed the seed of the first cycle; cycle {@code k} uses {@code seed + k}
 * @param outputDirectory where each cycle's traffic logs go
 */
public record SyntheticsConfig(
    List<String> scenarios, URI baseUrl, boolean production, boolean allowProduction,
    double rate, Duration duration, long seed, Path outputDirectory) {

  /** The highest rate a cycle uses against production, in arrivals per second. */
  public static final double PRODUCTION_MAX_RATE = 2.0;
  /** The longest a scenario injects per cycle against production. */
  public static final Duration PRODUCTION_MAX_DURATION = Duration.ofSeconds(30);

  /**
   * Validates the settings and applies the production guard rails.
   *
   * @throws IllegalArgumentException if the target is production and that was not allowed, or
   *     a setting is out of range
   */
  public SyntheticsConfig {
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("synthetics need at least one scenario, but got none");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    if (production && !allowProduction) {
      throw new IllegalArgumentException("Target " + baseUrl + " is marked production; synthetics refuse to run"
          + " against it unless production is allowed (--allow-production)");
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("synthetic rate must be > 0 per second, but was " + rate);
    }
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("synthetic duration must be at least 1s, but was " + duration);
    }
  }

  /** The rate a cycle actually uses: capped on production. */
  public double effectiveRate() {
    return production ? Math.min(rate, PRODUCTION_MAX_RATE) : rate;
  }

  /** The duration a scenario actually injects per cycle: capped on production. */
  public Duration effectiveDuration() {
    return production && duration.compareTo(PRODUCTION_MAX_DURATION) > 0 ? PRODUCTION_MAX_DURATION : duration;
  }

  /** Whether a guard rail lowered the rate or duration. */
  public boolean capped() {
    return effectiveRate() < rate || effectiveDuration().compareTo(duration) < 0;
  }
}
