package dev.chaosharness.traffic.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a growing text file and hands out its complete lines as they appear; a line still
 * being written stays until its line break arrives.
 *
 * <p>Not thread-safe: one thread polls.
 */
final class LogTailer {

  private final Path file;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private final StringBuilder partial = new StringBuilder();
  private final List<String> complete = new ArrayList<>();
  private long position;

  LogTailer(Path file) {
    this.file = file;
  }

  /**
   * The complete lines added since the last poll; none if the file does not exist yet. A poll
   * that fails keeps the lines it had read for the next one.
   */
  List<String> poll() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(position);
      int read;
      while ((read = channel.read(buffer.clear())) > 0) {
        position += read;
        // multi-byte characters never split: the log is ASCII-only JSON (ids, names, instants)
        partial.append(new String(buffer.array(), 0, read, StandardCharsets.UTF_8));
        cutLines();
      }
    } catch (NoSuchFileException gone) {
      // deleted under us: hand out what was read
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    List<String> lines = List.copyOf(complete);
    complete.clear();
    return lines;
  }

  private void cutLines() {
    int start = 0;
    for (int i = 0; i < partial.length(); i++) {
      if (partial.charAt(i) == '\n') {
        if (i > start) {
          complete.add(partial.substring(start, i));
        }
        start = i + 1;
      }
    }
    partial.delete(0, start);
  }
}
