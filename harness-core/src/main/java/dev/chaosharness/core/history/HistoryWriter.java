package dev.chaosharness.core.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a history file: JSON Lines, one recorded event per line (see docs/history-file.md).
 *
 * <pre>{@code
 * try (HistoryWriter writer = HistoryWriter.create(Path.of("target/history.jsonl"))) {
 *   writer.write(event);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer thread. {@link #close()} flushes and is idempotent.
 */
public final class HistoryWriter implements AutoCloseable {

  private final Path file;
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(512);
  private boolean closed;

  private HistoryWriter(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** Creates (or truncates) {@code file} and returns a writer to it. */
  public static HistoryWriter create(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new HistoryWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create history file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes every event of {@code history} to {@code file}, replacing it. */
  public static void write(Path file, EventHistory history) {
    try (HistoryWriter writer = create(file)) {
      for (int i = 0; i < history.size(); i++) {
        writer.write(history, i);
      }
    }
  }

  /** Appends one event as one line. */
  public void write(RecordedEvent event) {
    line.setLength(0);
    line.append("{\"topic\":");
    string(event.topic());
    line.append(",\"partition\":").append(event.partition());
    line.append(",\"offset\":").append(event.offset());
    line.append(",\"key\":");
    string(event.key());
    line.append(",\"eventId\":\"");
    Uuids.append(line, event.eventId().getMostSignificantBits(), event.eventId().getLeastSignificantBits());
    line.append("\",\"type\":");
    string(event.type());
    line.append(",\"orderId\":");
    string(event.orderId());
    line.append(",\"occurredAt\":\"");
    Timestamps.append(line, Timestamps.toMicros(event.occurredAt()));
    line.append("\",\"causationId\":");
    if (event.causationId() == null) {
      line.append("null");
    } else {
      line.append('"');
      Uuids.append(line, event.causationId().getMostSignificantBits(), event.causationId().getLeastSignificantBits());
      line.append('"');
    }
    line.append(",\"synthetic\":").append(event.synthetic());
    line.append(",\"traceId\":");
    if (event.traceId() == null) {
      line.append("null");
    } else {
      string(event.traceId());
    }
    line.append(",\"observedAt\":\"");
    Timestamps.append(line, Timestamps.toMicros(event.observedAt()));
    line.append("\"}\n");
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to history file " + file + ": " + e.getMessage(), e);
    }
  }

  void write(EventHistory history, int i) {
    write(history.get(i));
  }

  private void string(String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c < 0x20) {
        line.append(String.format("\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }

  /** Flushes buffered lines to the file. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot flush history file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Flushes and closes the file; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close history file " + file + ": " + e.getMessage(), e);
    }
  }
}
