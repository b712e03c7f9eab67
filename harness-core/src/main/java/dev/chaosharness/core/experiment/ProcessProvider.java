package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Chaos Toolkit's {@code process} provider: runs a program; it fails on a non-zero exit or a timeout.
 *
 * @param path the program
 * @param arguments its arguments (a string in the file is split on white space)
 * @param timeout how long it may run (default 60 s)
 */
public record ProcessProvider(String path, List<String> arguments, Duration timeout) implements Provider {

  /** Validates and copies the fields. */
  public ProcessProvider {
    Objects.requireNonNull(path, "path must not be null");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(timeout, "timeout must not be null");
  }

  @Override
  public String type() {
    return "process";
  }

  @Override
  public String describe() {
    return (path + " " + String.join(" ", arguments)).strip();
  }
}
