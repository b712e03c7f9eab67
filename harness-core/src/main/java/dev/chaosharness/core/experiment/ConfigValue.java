package dev.chaosharness.core.experiment;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration value: a literal (which may use {@code ${...}}), or Chaos Toolkit's
 * {@code {type: env, key: NAME, default: v}}.
 *
 * @param literal the literal value or the env value's default, when there is one
 * @param envKey the environment variable to read, for {@code type: env}
 * @param location where it was written
 */
public record ConfigValue(Optional<Object> literal, Optional<String> envKey, Location location) {

  /** Validates the fields. */
  public ConfigValue {
    Objects.requireNonNull(literal, "literal must not be null");
    Objects.requireNonNull(envKey, "envKey must not be null");
    Objects.requireNonNull(location, "location must not be null");
  }
}
