package dev.chaosharness.core.env;

import java.time.Duration;
import java.util.Objects;

/**
 * A started part of an environment as users see it: its name, where it listens, how long it
 * took to become ready.
 *
 * @param name for example {@code kafka}, {@code postgres}, {@code order}
 * @param address where it is reached, for example {@code 127.0.0.1:9092} or an HTTP URL
 * @param readyAfter time from launch to ready
 */
public record Component(String name, String address, Duration readyAfter) {

  /** Validates the component. */
  public Component {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(readyAfter, "readyAfter");
  }
}
