package dev.chaosharness.core.experiment;

import dev.chaosharness.core.traffic.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * The synthetic traffic of an experiment: it starts in the warm-up phase and stops in the drain phase.
 *
 * @param scenario the traffic scenario, for example {@code place-order}
 * @param rate arrivals per second
 * @param warmUp how long traffic runs before the baseline is checked (default 5 s)
 * @param seed the seed of the synthetic data (default 1)
 * @param profile the load profile (default constant)
 * @param service the service whose base URL the traffic goes to (default {@code order})
 * @param location where it was written
 */
public record TrafficSpec(String scenario, double rate, Duration warmUp, long seed, LoadProfile profile,
    String service, Location location) {

  /** Validates the fields. */
  public TrafficSpec {
    Objects.requireNonNull(scenario, "scenario must not be null");
    Objects.requireNonNull(warmUp, "warmUp must not be null");
    Objects.requireNonNull(profile, "profile must not be null");
    Objects.requireNonNull(service, "service must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }
}
