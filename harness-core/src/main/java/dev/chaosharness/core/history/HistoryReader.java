package dev.chaosharness.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a history file (JSON Lines, see docs/history-file.md) in one streaming pass, parsing
 * bytes directly into the columns of an {@link EventHistory}.
 *
 * <pre>{@code
 * EventHistory history = HistoryReader.read(Path.of("target/history.jsonl"));
 * }</pre>
 *
 * <p>Blank lines are skipped. The first malformed line stops the read with a
 * {@link HistoryFileException} naming the file, line and field. Stateless and thread-safe;
 * each call reads on the calling thread.
 */
public final class HistoryReader {

  private static final int CHUNK = 1 << 20;

  private HistoryReader() {}

  /** Reads every event of {@code file} into a new history. */
  public static EventHistory read(Path file) {
    long bytes = size(file);
    EventHistory history = new EventHistory((int) Math.min(Integer.MAX_VALUE - 8, bytes / 300 + 16));
    HistoryLineParser parser = new HistoryLineParser(history.strings());
    EventSlot slot = new EventSlot();
    scan(file, (buf, from, to, line) -> {
      parse(parser, file, line, buf, from, to, slot);
      history.append(slot);
    });
    history.trimToSize();
    return history;
  }

  /**
   * Streams the events of {@code file} to {@code consumer} one at a time, holding only the
   * distinct strings in memory.
   */
  public static void forEach(Path file, Consumer<RecordedEvent> consumer) {
    EventHistory one = new EventHistory(1);
    HistoryLineParser parser = new HistoryLineParser(one.strings());
    EventSlot slot = new EventSlot();
    scan(file, (buf, from, to, line) -> {
      parse(parser, file, line, buf, from, to, slot);
      consumer.accept(toEvent(one, slot));
    });
  }

  private static RecordedEvent toEvent(EventHistory table, EventSlot s) {
    StringTable t = table.strings();
    return new RecordedEvent(
        t.get(s.topic), s.partition, s.offset, t.get(s.key), new java.util.UUID(s.eventIdHi, s.eventIdLo),
        t.get(s.type), t.get(s.orderId), Timestamps.toInstant(s.occurredAt),
        s.hasCausation ? new java.util.UUID(s.causationHi, s.causationLo) : null, s.synthetic,
        s.traceId < 0 ? null : t.get(s.traceId), Timestamps.toInstant(s.observedAt));
  }

  private static void parse(HistoryLineParser parser, Path file, long line, byte[] buf, int from, int to, EventSlot slot) {
    try {
      parser.parse(buf, from, to, slot);
    } catch (LineProblem problem) {
      throw new HistoryFileException(file, line, problem.field, problem.getMessage(), problem);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new HistoryFileException(file, 0, null, "no such file; pass the path of a history file written by the observer", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read history file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Receives each non-blank line as {@code buf[from, to)} without its line break. */
  interface LineSink {
    void line(byte[] buf, int from, int to, long lineNumber);
  }

  static void scan(Path file, LineSink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[CHUNK];
      int filled = 0;
      long lineNumber = 0;
      while (true) {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        int start = 0;
        for (int i = Bytes.indexOfNewline(buf, start, filled); i >= 0; i = Bytes.indexOfNewline(buf, start, filled)) {
          lineNumber++;
          emit(sink, buf, start, i, lineNumber);
          start = i + 1;
        }
        System.arraycopy(buf, start, buf, 0, filled - start);
        filled -= start;
        if (filled == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      if (filled > 0) {
        emit(sink, buf, 0, filled, lineNumber + 1);
      }
    } catch (NoSuchFileException e) {
      throw new HistoryFileException(file, 0, null, "no such file; pass the path of a history file written by the observer", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read history file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void emit(LineSink sink, byte[] buf, int from, int to, long lineNumber) {
    int end = to;
    if (end > from && buf[end - 1] == '\r') {
      end--;
    }
    for (int i = from; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        sink.line(buf, from, end, lineNumber);
        return;
      }
    }
  }
}
