package dev.chaosharness.core.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Linux process's scheduler state letter from {@code /proc/<pid>/stat}. */
final class ProcState {

  /** The state reported for a process that no longer exists. */
  static final char GONE = 'X';

  private ProcState() {}

  /** Returns the state letter ({@code R}, {@code S}, {@code T} for stopped...), or {@link #GONE}. */
  static char of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name in parentheses may hold spaces; the state follows the last ')'.
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (IOException | RuntimeException e) {
      return GONE;
    }
  }
}
