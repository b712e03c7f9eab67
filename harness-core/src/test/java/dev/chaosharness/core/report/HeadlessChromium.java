package dev.chaosharness.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian {@code chromium} executable headless for one command (dump the DOM, take a
 * screenshot) with its own profile directory, and ends only the process it started (and that
 * process's children) when it overruns its time.
 */
final class HeadlessChromium {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  private final Path executable;
  private final Path workDir;

  private HeadlessChromium(Path executable, Path workDir) {
    this.executable = executable;
    this.workDir = workDir;
  }

  /** Returns the chromium found on the PATH, working in {@code workDir}, or empty when there is none. */
  static Optional<HeadlessChromium> find(Path workDir) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : NAMES) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new HeadlessChromium(candidate, workDir));
        }
      }
    }
    return Optional.empty();
  }

  /** What one run printed. */
  record Output(String stdout, String stderr) {}

  /**
   * Runs chromium headless with {@code arguments} and waits up to {@code timeout}.
   *
   * @throws AssertionError when it overruns (after ending it) or exits with a non-zero code, with its stderr
   */
  Output run(Duration timeout, List<String> arguments) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(workDir, "chromium-", ".out");
    Path stderr = Files.createTempFile(workDir, "chromium-", ".err");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + Files.createTempDirectory(workDir, "profile-")));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("chromium did not finish within " + timeout + ": " + command + "\nstderr:\n"
            + tail(stderr));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("chromium exited with " + process.exitValue() + ": " + command + "\nstderr:\n"
            + tail(stderr));
      }
      return new Output(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      end(process);
    }
  }

  /** Ends {@code process} and its descendants when any is still alive: only what this run started. */
  private static void end(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
