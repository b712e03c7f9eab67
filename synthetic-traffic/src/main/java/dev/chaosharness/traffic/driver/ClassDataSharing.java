package dev.chaosharness.traffic.driver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speeds up the Gatling child JVM's start with a class-data-sharing archive of its classes:
 * the first run on a classpath records the archive at exit, later runs map it.
 *
 * <p>Only a classpath of jar files can be archived (the {@code harness} fat jar); with class
 * directories on it (tests, IDEs) the child starts without an archive.
 *
 * <p>The archive's name hashes the Java runtime and every classpath entry's path, size and
 * modification time, so a rebuilt jar gets a fresh archive. Archives are written to a unique
 * file and moved into place only after a clean exit, so concurrent runs never share a half-written
 * one. Thread-safe.
 */
final class ClassDataSharing {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);

  private final Path archive;
  private final Path recording;
  private final boolean possible;

  private ClassDataSharing(Path archive, Path recording, boolean possible) {
    this.archive = archive;
    this.recording = recording;
    this.possible = possible;
  }

  /** The archive for {@code classpath} under {@code directory}. */
  static ClassDataSharing forClasspath(String classpath, Path directory) {
    long hash = 1125899906842597L;
    hash = 31 * hash + (System.getProperty("java.home") + Runtime.version()).hashCode();
    boolean onlyJars = true;
    for (String entry : classpath.split(File.pathSeparator)) {
      File file = new File(entry);
      onlyJars &= file.isFile(); // the JVM archives classes from jars only, not from class directories
      hash = 31 * hash + entry.hashCode();
      hash = 31 * hash + file.length();
      hash = 31 * hash + file.lastModified();
    }
    Path archive = directory.resolve("gatling-" + Long.toHexString(hash) + ".jsa");
    return new ClassDataSharing(archive, directory.resolve(archive.getFileName() + "." + UUID.randomUUID() + ".tmp"), onlyJars);
  }

  /** The JVM options: map the archive if it exists, else record one at exit. */
  List<String> jvmOptions() {
    if (!possible) {
      return List.of();
    }
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      LOG.debug("No class-data-sharing archive: cannot create {}", archive.getParent(), e);
      return List.of();
    }
    return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /** After the child exited: keeps a cleanly recorded archive, drops a partial one. */
  void afterExit(boolean clean) {
    Optional<Path> recorded = Files.isRegularFile(recording) ? Optional.of(recording) : Optional.empty();
    if (recorded.isEmpty()) {
      return;
    }
    try {
      if (clean && !Files.exists(archive)) {
        Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(recording);
      }
    } catch (IOException e) {
      LOG.debug("Could not keep the class-data-sharing archive {}", archive, e);
    }
  }
}
