package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.InvalidFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a part of an experiment came from: the file, the 1-based line and the field path, so a
 * problem found later (against the environment, before anything starts) still names them.
 *
 * @param file the experiment file (or {@code classpath:<resource>})
 * @param line the 1-based line, or 0 when unknown
 * @param field the field path, for example {@code method[0].provider.link}
 */
public record Location(Path file, int line, String field) {

  /** Validates the fields. */
  public Location {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(field, "field must not be null");
  }

  /** A location for parts built in code rather than read from a file. */
  public static Location inCode(String field) {
    return new Location(Path.of("(code)"), 0, field);
  }

  /** The error for a problem at this location. */
  public InvalidFileException error(String problem) {
    return new InvalidFileException(file, line, field, problem, null);
  }

  /** A location for a sub-field. */
  Location child(String name) {
    return new Location(file, line, field.isEmpty() ? name : field + "." + name);
  }
}
