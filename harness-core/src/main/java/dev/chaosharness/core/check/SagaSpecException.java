package dev.chaosharness.core.check;

/**
 * A saga specification file that cannot be used: names the file, the line and the field.
 *
 * <p>The message is one line: {@code saga.yaml line 7, field 'follows.StockReserved[0]':
 * unknown event type 'PaymentProcesed'; known types: [...]}.
 */
public final class SagaSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final String field;

  /** Creates an error about {@code field} (may be null) on {@code line} of {@code source}. */
  public SagaSpecException(String source, int line, String field, String problem, Throwable cause) {
    super(source + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field '" + field + "'") + ": " + problem, cause);
    this.line = line;
    this.field = field;
  }

  /** Returns the 1-based line at fault. */
  public int line() {
    return line;
  }

  /** Returns the field path at fault (for example {@code follows.StockReserved[0]}), or null. */
  public String field() {
    return field;
  }
}
