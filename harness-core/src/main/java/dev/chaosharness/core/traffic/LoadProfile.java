package dev.chaosharness.core.traffic;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shape of an open-model load: how the arrival rate moves over a run.
 *
 * <p>Every profile reaches the run's rate {@code R} and lasts the run's duration {@code D}:
 * <ul>
 *   <li>{@link #CONSTANT}: {@code R} for {@code D};
 *   <li>{@link #RAMP}: linearly from {@code R/10} up to {@code R} over {@code D};
 *   <li>{@link #SPIKE}: {@code R/4}, then {@code R} for the middle fifth of {@code D}, then
 *       {@code R/4} again;
 *   <li>{@link #STEP}: four equal steps at {@code R/4}, {@code R/2}, {@code 3R/4} and {@code R}.
 * </ul>
 *
 * <p>Thread-safe (an enum).
 */
public enum LoadProfile {
  /** A constant arrival rate. */
  CONSTANT,
  /** A linear ramp from a tenth of the rate up to the rate. */
  RAMP,
  /** A quarter of the rate with a spike to the full rate in the middle fifth. */
  SPIKE,
  /** Four equal steps up to the rate. */
  STEP;

  /** The profile's name as typed on the command line, for example {@code constant}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a profile name, ignoring case.
   *
   * @throws IllegalArgumentException naming the known profiles if {@code text} is none of them
   */
  public static LoadProfile parse(String text) {
    for (LoadProfile profile : values()) {
      if (profile.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "Unknown load profile '" + text + "'; known profiles: "
            + Arrays.stream(values()).map(LoadProfile::label).collect(Collectors.joining(", ", "[", "]")));
  }

  /** The segments of this profile for peak rate {@code rate} (arrivals/s) over {@code duration}. */
  public List<RateSegment> segments(double rate, Duration duration) {
    return switch (this) {
      case CONSTANT -> List.of(new RateSegment(rate, rate, duration));
      case RAMP -> List.of(new RateSegment(rate / 10, rate, duration));
      case SPIKE -> List.of(
          new RateSegment(rate / 4, rate / 4, duration.multipliedBy(2).dividedBy(5)),
          new RateSegment(rate, rate, duration.dividedBy(5)),
          new RateSegment(rate / 4, rate / 4, duration.minus(duration.multipliedBy(3).dividedBy(5))));
      case STEP -> List.of(
          new RateSegment(rate / 4, rate / 4, duration.dividedBy(4)),
          new RateSegment(rate / 2, rate / 2, duration.dividedBy(4)),
          new RateSegment(rate * 3 / 4, rate * 3 / 4, duration.dividedBy(4)),
          new RateSegment(rate, rate, duration.minus(duration.dividedBy(4).multipliedBy(3))));
    };
  }
}
