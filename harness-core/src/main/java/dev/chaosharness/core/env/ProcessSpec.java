package dev.chaosharness.core.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What to launch as a supervised OS process: the command, its environment, where it runs and
 * logs, how to tell it is ready, and how long it gets to stop after SIGTERM.
 *
 * <pre>{@code
 * ProcessSpec spec = ProcessSpec.javaMain("order", "com.example.OrderMain", workDir)
 *     .jvmOption("-Xmx256m")
 *     .env("HTTP_PORT", "8081")
 *     .readiness(ReadinessProbe.httpOk(URI.create("http://127.0.0.1:8081/health")))
 *     .build();
 * }</pre>
 *
 * <p>The child inherits only {@code PATH}, {@code HOME}, {@code LANG}, {@code TZ} and
 * {@code JAVA_HOME} from the harness, plus the variables given here. Immutable and thread-safe.
 */
public record ProcessSpec(
    String name,
    List<String> command,
    Map<String, String> environment,
    Path workingDir,
    Path logFile,
    ReadinessProbe readiness,
    Duration stopGrace,
    String stopSignal,
    IntConsumer afterExit) {

  /** Validates every field. */
  public ProcessSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
    }
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("command of '" + name + "' must not be empty");
    }
    Objects.requireNonNull(workingDir, "workingDir");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(readiness, "readiness");
    if (stopGrace == null || stopGrace.isNegative()) {
      throw new IllegalArgumentException("stopGrace must be >= 0, but was " + stopGrace);
    }
    if (stopSignal == null || !stopSignal.matches("TERM|INT|QUIT")) {
      throw new IllegalArgumentException(
          "stopSignal must be one of TERM, INT, QUIT, but was " + stopSignal);
    }
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(afterExit, "afterExit");
    workingDir = workingDir.toAbsolutePath().normalize();
    logFile = logFile.toAbsolutePath().normalize();
  }

  /** Starts a builder for an arbitrary command; logs go to {@code <workDir>/logs/<name>.log}. */
  public static Builder command(String name, Path workDir, List<String> command) {
    return new Builder(name, workDir).command(command);
  }

  /**
   * Starts a builder for {@code java [options] -cp <classpath> mainClass [args]}, with the
   * harness JVM's own classpath and a small serial-GC heap by default.
   */
  public static Builder javaMain(String name, String mainClass, Path workDir) {
    return new Builder(name, workDir).javaMain(mainClass);
  }

  /** Builds a {@link ProcessSpec}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Path workDir;
    private List<String> command = List.of();
    private String mainClass;
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path logFile;
    private ReadinessProbe readiness = ReadinessProbe.none();
    private Duration stopGrace = Duration.ofSeconds(10);
    private String stopSignal = "TERM";
    private boolean classDataSharing;

    private Builder(String name, Path workDir) {
      this.name = name;
      this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    private Builder command(List<String> command) {
      this.command = List.copyOf(command);
      return this;
    }

    private Builder javaMain(String mainClass) {
      this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
      jvmOptions.addAll(List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto"));
      return this;
    }

    /** Sets the classpath of a Java main (default: the harness JVM's). */
    public Builder classpath(String classpath) {
      this.classpath = Objects.requireNonNull(classpath, "classpath");
      return this;
    }

    /** Adds a JVM option; a later {@code -Xmx} wins over the default. */
    public Builder jvmOption(String option) {
      jvmOptions.add(Objects.requireNonNull(option, "option"));
      return this;
    }

    /** Adds a program argument. */
    public Builder arg(String arg) {
      args.add(Objects.requireNonNull(arg, "arg"));
      return this;
    }

    /** Sets an environment variable of the child. */
    public Builder env(String key, String value) {
      environment.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /** Sets environment variables of the child. */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
      return this;
    }

    /** Sets the log file (default {@code <workDir>/logs/<name>.log}). */
    public Builder logFile(Path logFile) {
      this.logFile = Objects.requireNonNull(logFile, "logFile");
      return this;
    }

    /** Sets how readiness is probed (default: alive is ready). */
    public Builder readiness(ReadinessProbe readiness) {
      this.readiness = Objects.requireNonNull(readiness, "readiness");
      return this;
    }

    /** Sets how long {@code close()} waits after SIGTERM before SIGKILL (default 10 s). */
    public Builder stopGrace(Duration stopGrace) {
      this.stopGrace = stopGrace;
      return this;
    }

    /** Sets the signal {@code close()} sends first: TERM (default), INT or QUIT. */
    public Builder stopSignal(String stopSignal) {
      this.stopSignal = stopSignal;
      return this;
    }

    private static String absolute(String classpath) {
      return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
          .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Lets a Java main start faster from the second run on, with an application class-data
     * archive recorded by the first run's normal exit (cached per machine and classpath;
     * see {@link ClassDataSharing}).
     */
    public Builder classDataSharing() {
      this.classDataSharing = true;
      return this;
    }

    /** Validates and builds the spec. */
    public ProcessSpec build() {
      List<String> full = new ArrayList<>(command);
      IntConsumer afterExit = code -> { };
      if (mainClass != null) {
        String javaHome = System.getProperty("java.home");
        full.add(Path.of(javaHome, "bin", "java").toString());
        full.addAll(jvmOptions);
        String absoluteClasspath = absolute(classpath); // the child runs in workDir
        if (classDataSharing) {
          ClassDataSharing.Plan plan = ClassDataSharing.ofDefaults()
              .plan(mainClass, absoluteClasspath, ClassDataSharing::normalExit);
          full.addAll(plan.jvmOptions());
          afterExit = plan::afterExit;
        }
        full.add("-cp");
        full.add(absoluteClasspath);
        full.add(mainClass);
        full.addAll(args);
      } else {
        full.addAll(args);
      }
      Path log = logFile != null ? logFile : workDir.resolve("logs").resolve(name + ".log");
      return new ProcessSpec(
          name, full, environment, workDir, log, readiness, stopGrace, stopSignal, afterExit);
    }
  }
}
