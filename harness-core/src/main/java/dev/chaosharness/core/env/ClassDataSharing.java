package dev.chaosharness.core.env;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application class-data sharing for child JVMs: the first complete run of a main class on a
 * given classpath records the classes it loaded into an archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}); later starts map that archive
 * ({@code -XX:SharedArchiveFile}) and skip most class parsing and verification. On a busy
 * 2-core machine this roughly halves a child JVM's start time.
 *
 * <pre>{@code
 * ClassDataSharing.Plan plan = ClassDataSharing.ofDefaults()
 *     .plan("io.gatling.app.Gatling", classpath, ClassDataSharing::normalExit);
 * List<String> command = new ArrayList<>(List.of(java));
 * command.addAll(plan.jvmOptions());
 * command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling"));
 * Process child = new ProcessBuilder(command).start();
 * child.onExit().thenAccept(p -> plan.afterExit(p.exitValue()));
 * }</pre>
 *
 * <p>Archives are named {@code <main class>-<key>.jsa}; the key hashes the Java runtime, the
 * main class and every classpath entry's absolute path, size and modification time, so each
 * main class has its own archive and a rebuilt jar gets a new one. A run records into a file of
 * its own and the archive is moved into place only when the caller's predicate accepts the
 * exit code (never after SIGKILL, which could leave it partial), so concurrent runs never map a
 * half-written archive. Mapping an archive marks it used; once a new archive is recorded, the
 * same main class's archives unused for an hour are deleted. A stale or unusable archive is
 * ignored by the JVM ({@code -Xshare:auto}). The JVM archives classes from jars only, so a
 * classpath with folders (a build's {@code target/classes}) runs without sharing. Failures to
 * plan or keep an archive never fail the launch: they are logged at DEBUG and the child runs
 * without sharing.
 *
 * <p>Thread-safe: instances and plans may be shared; {@link Plan#afterExit(int)} may be called
 * from several threads and acts once.
 */
public final class ClassDataSharing {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Duration UNUSED = Duration.ofHours(1);
  private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path directory;
  private final Clock clock;

  ClassDataSharing(Path directory, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Archives under {@code ${java.io.tmpdir}/chaos-harness/cds/}, shared by every run on the machine. */
  public static ClassDataSharing ofDefaults() {
    return of(Path.of(System.getProperty("java.io.tmpdir"), "chaos-harness", "cds"));
  }

  /** Archives under {@code directory}, created on first use. */
  public static ClassDataSharing of(Path directory) {
    return new ClassDataSharing(directory, Clock.systemUTC());
  }

  /**
   * Whether {@code exitCode} is that of a JVM that ran its exit path, so a recording is
   * complete: a return from {@code main}, {@code System.exit}, or SIGHUP, SIGINT or SIGTERM.
   * A crash or SIGKILL (128 + signal) is not.
   */
  public static boolean normalExit(int exitCode) {
    return (exitCode >= 0 && exitCode < 128) || exitCode == 129 || exitCode == 130
        || exitCode == 143;
  }

  /** The folder holding the archives. */
  public Path directory() {
    return directory;
  }

  /**
   * Plans one launch of {@code mainClass} on {@code classpath}: map the archive if one exists,
   * else record one, kept if {@code completeRun} accepts the child's exit code.
   */
  public Plan plan(String mainClass, String classpath, IntPredicate completeRun) {
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(classpath, "classpath");
    Objects.requireNonNull(completeRun, "completeRun");
    if (!Arrays.stream(classpath.split(File.pathSeparator))
        .allMatch(entry -> !entry.isBlank() && Files.isRegularFile(Path.of(entry)))) {
      return Plan.NONE; // the JVM archives classes from jars only
    }
    Path archive;
    try {
      archive = directory.resolve(mainClass + "-" + key(mainClass, classpath) + ".jsa");
      Files.createDirectories(directory);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Class-data sharing off for {}: {}", mainClass, e.toString());
      return Plan.NONE;
    }
    if (Files.isRegularFile(archive)) {
      markUsed(archive);
      LOG.debug("Mapping class-data archive {}", archive);
      return new Plan(this, concat("-XX:SharedArchiveFile=" + archive), archive, null,
          code -> false);
    }
    Path recording = archive.resolveSibling(archive.getFileName() + ".recording-"
        + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    LOG.debug("Recording class-data archive {}", recording);
    return new Plan(this, concat("-XX:ArchiveClassesAtExit=" + recording), archive,
        recording, completeRun);
  }

  private void markUsed(Path archive) {
    try {
      Files.setLastModifiedTime(archive, FileTime.from(clock.instant()));
    } catch (IOException e) {
      LOG.debug("Could not mark {} as used: {}", archive, e.toString());
    }
  }

  /** Deletes archives (and abandoned recordings) of the same main class unused for an hour. */
  private void deleteStale(Path archive) {
    String main = archive.getFileName().toString().replaceFirst("-[0-9a-f]{16}\\.jsa$", "-");
    long cutoff = clock.instant().minus(UNUSED).toEpochMilli();
    try (var files = Files.list(archive.getParent())) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(main) && !file.equals(archive)
            && Files.getLastModifiedTime(file).toMillis() < cutoff) {
          Files.deleteIfExists(file);
          LOG.debug("Deleted unused class-data archive {}", file);
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not clean old class-data archives in {}", archive.getParent(), e);
    }
  }

  private static List<String> concat(String first) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), QUIET.stream())
        .toList();
  }

  private static String key(String mainClass, String classpath) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, System.getProperty("java.home") + "|" + Runtime.version() + "|" + mainClass);
      for (String entry : classpath.split(File.pathSeparator)) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        update(digest, path.toString());
        update(digest, Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis());
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot key the class-data archive: no SHA-256", e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  /**
   * One launch's part in class-data sharing: the JVM options to add, and what to do once that
   * JVM has exited. Thread-safe; {@link #afterExit(int)} acts once however often it is called.
   */
  public static final class Plan {

    /** No sharing: no options, nothing to do after exit. */
    static final Plan NONE = new Plan(null, List.of(), null, null, code -> false);

    private final ClassDataSharing owner;
    private final List<String> jvmOptions;
    private final Path archive;
    private final Path recording;
    private final IntPredicate completeRun;
    private final AtomicBoolean exited = new AtomicBoolean();

    private Plan(ClassDataSharing owner, List<String> jvmOptions, Path archive, Path recording,
        IntPredicate completeRun) {
      this.owner = owner;
      this.jvmOptions = jvmOptions;
      this.archive = archive;
      this.recording = recording;
      this.completeRun = completeRun;
    }

    /** The options to put before {@code -cp}: empty when sharing is off for this launch. */
    public List<String> jvmOptions() {
      return jvmOptions;
    }

    /** Whether this launch maps an existing archive (rather than recording one, or neither). */
    public boolean mapsArchive() {
      return archive != null && recording == null;
    }

    /**
     * Call once the child JVM has exited: keeps a recording of a complete run as the archive
     * (unless another run kept one first) and deletes any other recording. Never throws.
     */
    public void afterExit(int exitCode) {
      if (recording == null || !exited.compareAndSet(false, true)) {
        return;
      }
      try {
        if (completeRun.test(exitCode) && Files.isRegularFile(recording)
            && Files.size(recording) > 0 && !Files.exists(archive)) {
          Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
          LOG.debug("Recorded class-data archive {}", archive);
          owner.deleteStale(archive);
          return;
        }
      } catch (IOException e) {
        LOG.debug("No class-data archive kept from {}: {}", recording, e.toString());
      }
      try {
        Files.deleteIfExists(recording);
      } catch (IOException e) {
        LOG.debug("Could not delete {}", recording, e);
      }
    }
  }
}
