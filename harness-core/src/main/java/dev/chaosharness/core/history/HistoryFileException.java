package dev.chaosharness.core.history;

import java.nio.file.Path;

/**
 * A history file that cannot be read: names the file, the line and the field at fault.
 *
 * <p>The message is one line fit for a person: {@code history.jsonl line 12, field 'eventId':
 * expected a UUID, but was 'x'}.
 */
public final class HistoryFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final String field;

  /** Creates an error about {@code field} (may be null) on {@code line} (1-based; 0 for the file as a whole) of {@code file}. */
  public HistoryFileException(Path file, long line, String field, String problem, Throwable cause) {
    super(file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field '" + field + "'") + ": " + problem, cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** Returns the file at fault. */
  public Path file() {
    return file;
  }

  /** Returns the 1-based line at fault. */
  public long line() {
    return line;
  }

  /** Returns the field at fault, or {@code null} when the line as a whole is bad. */
  public String field() {
    return field;
  }
}
