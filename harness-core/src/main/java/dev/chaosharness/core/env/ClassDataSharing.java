package dev.chaosharness.core.env;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for child JVMs: the first run of a main class on a given
 * classpath records the classes it loaded into an archive when it exits normally
 * ({@code -XX:ArchiveClassesAtExit}); later runs map that archive
 * ({@code -XX:SharedArchiveFile}) and skip most class parsing and verification. On a busy
 * 2-core machine this roughly halves the broker's start time.
 *
 * <p>Archives live in {@code <tmp>/chaos-harness/cds/}, keyed by the Java runtime, the main
 * class and every classpath entry's path, size and modification time, so a rebuilt jar gets a
 * new archive. An archive is written under a temporary name and moved into place only after
 * the JVM exited on its own or on SIGTERM (never after SIGKILL, which could leave it partial).
 * Archives of older builds are deleted once unused for an hour.
 * A stale or unusable archive is ignored by the JVM ({@code -Xshare:auto}). The JVM archives
 * classes from jars only, so a classpath with folders (a build's {@code target/classes})
 * runs without sharing. Thread-safe.
 */
final class ClassDataSharing {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final int KILLED = 128 + 9;

  /** JVM options to add, and what to do once the JVM has exited with a given code. */
  record Plan(List<String> jvmOptions, IntConsumer afterExit) {}

  private ClassDataSharing() {}

  static Plan plan(String mainClass, String classpath) {
    if (!java.util.Arrays.stream(classpath.split(File.pathSeparator))
        .allMatch(entry -> Files.isRegularFile(Path.of(entry)))) {
      return new Plan(List.of(), code -> { }); // the JVM archives classes from jars only
    }
    Path archive;
    try {
      archive = Path.of(System.getProperty("java.io.tmpdir"), "chaos-harness", "cds",
          mainClass + "-" + key(mainClass, classpath) + ".jsa");
      Files.createDirectories(archive.getParent());
    } catch (IOException | RuntimeException e) {
      LOG.debug("Class-data sharing off for {}: {}", mainClass, e.toString());
      return new Plan(List.of(), code -> { });
    }
    List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    if (Files.isRegularFile(archive)) {
      return new Plan(concat("-XX:SharedArchiveFile=" + archive, quiet), code -> { });
    }
    Path recording = archive.resolveSibling(archive.getFileName() + ".recording-"
        + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    return new Plan(concat("-XX:ArchiveClassesAtExit=" + recording, quiet),
        code -> promote(recording, archive, code));
  }

  private static void promote(Path recording, Path archive, int exitCode) {
    try {
      if (exitCode != KILLED && Files.size(recording) > 0) {
        Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
        LOG.debug("Recorded class-data archive {}", archive);
        deleteStale(archive);
        return;
      }
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // another JVM recorded it first
    } catch (IOException e) {
      LOG.debug("No class-data archive recorded at {}: {}", recording, e.toString());
    }
    try {
      Files.deleteIfExists(recording);
    } catch (IOException e) {
      LOG.debug("Could not delete {}", recording, e);
    }
  }

  /** Deletes archives of the same main class (older builds) unused for an hour. */
  private static void deleteStale(Path archive) {
    String main = archive.getFileName().toString().replaceFirst("-[0-9a-f]{16}\\.jsa$", "-");
    try (var files = Files.list(archive.getParent())) {
      long hourAgo = Files.getLastModifiedTime(archive).toMillis() - 3_600_000L; // just written
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(main) && !file.equals(archive)
            && Files.getLastModifiedTime(file).toMillis() < hourAgo) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not clean old class-data archives", e);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
        .toList();
  }

  private static String key(String mainClass, String classpath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, System.getProperty("java.home") + "|" + Runtime.version() + "|" + mainClass);
      for (String entry : classpath.split(File.pathSeparator)) {
        Path path = Path.of(entry);
        update(digest, entry);
        if (Files.isRegularFile(path)) {
          update(digest, Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis());
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("Cannot key the class-data archive", e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
