package dev.chaosharness.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriteTest {

  @TempDir
  Path dir;

  @Test
  void should_write_the_rendered_page_when_the_directory_does_not_exist_yet() throws Exception {
    // given
    Path file = dir.resolve("runs/1/report.html");
    // when
    HtmlReport.write(TestJournals.healthy(), file);
    // then
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HtmlReport.render(TestJournals.healthy()));
    assertThat(file.resolveSibling("report.html.tmp")).doesNotExist();
  }

  @Test
  void should_name_the_file_when_it_cannot_be_written() throws Exception {
    // given: the parent is a file
    Path parent = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path file = parent.resolve("report.html");
    // when / then
    assertThatThrownBy(() -> HtmlReport.write(TestJournals.empty(), file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Cannot write the HTML report to " + file.toAbsolutePath() + ": ")
        .hasCauseInstanceOf(FileAlreadyExistsException.class);
  }
}
