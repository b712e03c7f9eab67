package dev.chaosharness.traffic.gatling;

import dev.chaosharness.core.traffic.LoadProfile;
import dev.chaosharness.core.traffic.TrafficAssertions;
import dev.chaosharness.core.traffic.TrafficPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Carries a {@link TrafficPlan} into a simulation as {@code traffic.*} system properties, so
 * the same simulations run under the traffic driver and under {@code gatling-maven-plugin}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimulationSettings {

  /** System property: the traffic log file the simulation writes. */
  public static final String LOG = "traffic.log";

  private SimulationSettings() {}

  /** The {@code -Dtraffic.*=...} options that carry {@code plan} and its traffic log. */
  public static List<String> toJvmOptions(TrafficPlan plan, Path trafficLog) {
    List<String> options = new ArrayList<>();
    options.add("-Dtraffic.scenario=" + plan.scenario());
    options.add("-Dtraffic.baseUrl=" + plan.baseUrl());
    options.add("-Dtraffic.rate=" + plan.rate());
    options.add("-Dtraffic.durationMs=" + plan.duration().toMillis());
    options.add("-Dtraffic.profile=" + plan.profile().label());
    options.add("-Dtraffic.seed=" + plan.seed());
    options.add("-Dtraffic.pollIntervalMs=" + plan.pollInterval().toMillis());
    options.add("-Dtraffic.pollTimeoutMs=" + plan.pollTimeout().toMillis());
    options.add("-Dtraffic.percentile=" + plan.assertions().percentile());
    options.add("-Dtraffic.maxLatencyMs=" + plan.assertions().maxLatency().toMillis());
    options.add("-Dtraffic.maxErrorRatio=" + plan.assertions().maxErrorRatio());
    options.add("-Dtraffic.maxConnections=" + plan.maxConnections());
    options.add("-D" + LOG + "=" + trafficLog.toAbsolutePath());
    return options;
  }

  /**
   * Reads the plan of {@code scenario} from {@code properties}; rate, duration, base URL are
   * required, the rest have the plan's defaults.
   *
   * @throws IllegalArgumentException naming the property that is missing or bad
   */
  public static TrafficPlan fromProperties(String scenario, Properties properties) {
    try {
      TrafficPlan.Builder plan = TrafficPlan.builder()
          .scenario(scenario)
          .baseUrl(URI.create(required(properties, "traffic.baseUrl")))
          .rate(Double.parseDouble(required(properties, "traffic.rate")))
          .duration(Duration.ofMillis(Long.parseLong(required(properties, "traffic.durationMs"))))
          .profile(LoadProfile.parse(properties.getProperty("traffic.profile", "constant")))
          .seed(Long.parseLong(properties.getProperty("traffic.seed", "1")))
          .pollInterval(Duration.ofMillis(Long.parseLong(properties.getProperty("traffic.pollIntervalMs", "250"))))
          .pollTimeout(Duration.ofMillis(Long.parseLong(properties.getProperty("traffic.pollTimeoutMs", "30000"))))
          .maxConnections(Integer.parseInt(properties.getProperty("traffic.maxConnections", "128")));
      TrafficAssertions defaults = TrafficAssertions.ofDefaults();
      plan.assertions(new TrafficAssertions(
          Double.parseDouble(properties.getProperty("traffic.percentile", String.valueOf(defaults.percentile()))),
          Duration.ofMillis(Long.parseLong(properties.getProperty("traffic.maxLatencyMs",
              String.valueOf(defaults.maxLatency().toMillis())))),
          Double.parseDouble(properties.getProperty("traffic.maxErrorRatio", String.valueOf(defaults.maxErrorRatio())))));
      return plan.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Bad traffic.* system properties for simulation '" + scenario
          + "': " + e.getMessage(), e);
    }
  }

  /** Where the simulation writes its traffic log: {@code traffic.log}, else {@code target/traffic/<scenario>.jsonl}. */
  public static Path logFile(String scenario, Properties properties) {
    String file = properties.getProperty(LOG);
    return file != null ? Path.of(file) : Path.of("target", "traffic", scenario.toLowerCase(Locale.ROOT) + ".jsonl");
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("system property " + key + " is required, e.g. -D" + key + "=...");
    }
    return value.trim();
  }
}
