package dev.chaosharness.traffic.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {

  @TempDir Path dir;

  @Test
  void should_hand_out_complete_lines_once_and_keep_a_partial_line_until_its_break_arrives() throws IOException {
    Path file = dir.resolve("traffic.jsonl");
    LogTailer tailer = new LogTailer(file);
    assertThat(tailer.poll()).isEmpty();
    Files.writeString(file, "one\ntwo\nthr");
    assertThat(tailer.poll()).containsExactly("one", "two");
    assertThat(tailer.poll()).isEmpty();
    Files.writeString(file, "ee\n\nfour\n", StandardOpenOption.APPEND);
    assertThat(tailer.poll()).containsExactly("three", "four");
  }

  @Test
  void should_read_on_from_where_it_stopped_when_a_poll_fails() throws IOException {
    Path file = dir.resolve("traffic.jsonl");
    LogTailer tailer = new LogTailer(file);
    Files.writeString(file, "one\n");
    assertThat(tailer.poll()).containsExactly("one");
    Files.writeString(file, "two\nthree\n", StandardOpenOption.APPEND);
    Thread.currentThread().interrupt(); // an interrupted thread's file channel closes at once
    try {
      assertThatThrownBy(tailer::poll).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("Cannot read " + file);
    } finally {
      Thread.interrupted();
    }
    assertThat(tailer.poll()).containsExactly("two", "three");
  }
}
