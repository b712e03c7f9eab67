package dev.chaosharness.core.target;

import java.nio.file.Path;

/**
 * A YAML input file (a target file, a topology) is malformed; the message points at the file,
 * the line and the field, says what was expected and what was found.
 */
public final class InvalidFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String field;

  /** Creates the error; {@code line} is 1-based, or 0 when unknown. */
  public InvalidFileException(Path file, int line, String field, String problem, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": "
        + (field.isEmpty() ? "" : "field '" + field + "': ") + problem, cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file that is malformed. */
  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The path of the bad field, for example {@code services[2].name}; empty when unknown. */
  public String field() {
    return field;
  }
}
