package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTreesTest {

  @TempDir Path dir;

  @Test
  void should_delete_a_directory_and_everything_below_it() throws Exception {
    // given
    Path root = dir.resolve("run");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/log.jsonl"), "{}\n");
    Files.writeString(root.resolve("top.txt"), "x");

    // when
    DirectoryTrees.deleteQuietly(root);

    // then
    assertThat(root).doesNotExist();
    assertThat(dir).exists();
  }

  @Test
  void should_do_nothing_when_the_directory_does_not_exist() {
    // when
    DirectoryTrees.deleteQuietly(dir.resolve("missing"));

    // then
    assertThat(dir).isEmptyDirectory();
  }
}
