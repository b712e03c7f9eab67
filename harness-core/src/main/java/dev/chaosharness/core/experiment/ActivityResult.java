package dev.chaosharness.core.experiment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one activity of the method or the rollbacks (Chaos Toolkit's journal {@code run} entry).
 *
 * @param name the activity's name from the experiment file
 * @param type {@code action}, {@code probe}, {@code pause} or {@code fault}
 * @param provider the provider type: {@code http}, {@code process}, or a harness extension such as {@code fault}
 * @param succeeded whether it succeeded ({@code status: succeeded | failed} in the journal)
 * @param start when it started
 * @param end when it ended
 * @param output what it returned (status code and body, exit code and stdout), possibly empty
 * @param error why it failed, when it failed
 */
public record ActivityResult(String name, String type, String provider, boolean succeeded, Instant start, Instant end,
    String output, Optional<String> error) {

  /** Validates the fields. */
  public ActivityResult {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(provider, "provider must not be null");
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(end, "end must not be null");
    Objects.requireNonNull(output, "output must not be null");
    Objects.requireNonNull(error, "error must not be null");
  }
}
