package dev.chaosharness.core.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes directory trees the harness wrote (staging folders, run directories). */
public final class DirectoryTrees {

  private DirectoryTrees() {}

  /**
   * Deletes {@code root} and everything below it, as far as it can: what cannot be deleted stays,
   * without an error, since a leftover folder is harmless where this is used.
   *
   * @param root the directory (or file) to delete; nothing happens if it does not exist
   */
  public static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DirectoryTrees::deleteIfPossible);
    } catch (IOException | UncheckedIOException e) {
      // best effort, as documented
    }
  }

  private static void deleteIfPossible(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // stays; its parent then stays too
    }
  }
}
