package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.fault.HttpDependency;
import dev.chaosharness.core.traffic.Traffic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs experiments against a running environment, phase by phase, and returns their
 * {@link Journal}; the journal is also written to {@code journal.json} in the output directory.
 *
 * <pre>{@code
 * ExperimentRunner runner = ExperimentRunner.builder()
 *     .environment(env)                       // the caller owns and closes it
 *     .traffic(new GatlingTraffic())
 *     .outputDirectory(Path.of("target/experiments/payment-latency"))
 *     .build();
 * System.out.println(runner.plan(experiment)); // --dry-run
 * Journal journal = runner.run(experiment);
 * }</pre>
 *
 * <pre>
 * ENVIRONMENT → WARM_UP → BASELINE → INJECT → OBSERVE → REVERT → RECOVER → DRAIN_AND_CHECK → REPORT
 *                            │ hypothesis not met: deviated ──► REVERT (rollbacks) ──► REPORT
 *   any phase ── failure / abort condition / interrupt / JVM shutdown ──► revert + rollbacks ──► REPORT
 * </pre>
 *
 * <p>{@link #run} checks the experiment against the environment first (links, processes, HTTP
 * dependencies, traffic scenario) and throws {@link dev.chaosharness.core.target.InvalidFileException}
 * naming file, line and field before anything starts; after that it never throws for a failing
 * system: faults are reverted and rollbacks run on every path, and the journal says how the run
 * ended. Thread-safe: each {@link #run} is independent (run one at a time against one environment).
 */
public final class ExperimentRunner {

  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Builder config;

  private ExperimentRunner(Builder builder) {
    this.config = builder;
  }

  /** A builder; {@link Builder#environment} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code experiment} on the calling thread and returns its journal. Interrupting the
   * thread ends the run {@code interrupted} after the reverts and rollbacks; the interrupt is
   * still set on return. JVM shutdown (Ctrl-C) does the same and waits for the rollbacks.
   *
   * @throws dev.chaosharness.core.target.InvalidFileException if the experiment does not fit the
   *     environment (unknown link, process, dependency, scenario, unset variable); nothing ran then
   */
  public Journal run(Experiment experiment) {
    Substitution substitution = Planner.validate(experiment, config.environment, Optional.ofNullable(config.traffic),
        config.httpDependencies.keySet(), config.variables, true);
    return new RunSession(experiment, config.settings(experiment), substitution).run();
  }

  /**
   * Checks {@code experiment} against the environment as {@link #run} does and describes what
   * each phase would do, without touching anything. For process faults a plan accepts any of the
   * environment's components, so an environment described but not started can be planned against.
   *
   * @throws dev.chaosharness.core.target.InvalidFileException naming file, line and field of the first problem
   */
  public String plan(Experiment experiment) {
    Planner.validate(experiment, config.environment, Optional.ofNullable(config.traffic),
        config.httpDependencies.keySet(), config.variables, false);
    return Planner.describe(experiment, config.environment);
  }

  /** Builds an {@link ExperimentRunner}; each setter validates at once. Not thread-safe. */
  public static final class Builder {

    private Environment environment;
    private Traffic traffic;
    private Path outputDirectory;
    private RunListener listener = RunListener.noop();
    private Clock clock = Clock.systemUTC();
    private final Map<String, HttpDependency> httpDependencies = new LinkedHashMap<>();
    private Map<String, String> variables = System.getenv();
    private Duration healthTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The running environment (required); the caller owns and closes it. */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment must not be null");
      return this;
    }

    /** The traffic driver; needed when an experiment has {@code traffic}. */
    public Builder traffic(Traffic traffic) {
      this.traffic = Objects.requireNonNull(traffic, "traffic must not be null");
      return this;
    }

    /** Where journal.json, report.html, the traffic run and the history go (default {@code target/experiments/<run-id>}). */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory must not be null");
      return this;
    }

    /** Hears phases, samples and activities as the run goes. */
    public Builder listener(RunListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener must not be null");
      return this;
    }

    /** The clock for timestamps and the KPI timeline (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** An HTTP dependency that {@code http-*} faults may name. */
    public Builder httpDependency(String name, HttpDependency dependency) {
      Objects.requireNonNull(name, "name must not be null");
      httpDependencies.put(name, Objects.requireNonNull(dependency, "dependency must not be null"));
      return this;
    }

    /** The variables {@code {type: env}} configuration values read (default the process environment). */
    public Builder environmentVariables(Map<String, String> variables) {
      this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables must not be null"));
      return this;
    }

    /** How long the environment phase waits for every service's health endpoint (default 30 s). */
    public Builder healthTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("health timeout must be positive, but was " + timeout);
      }
      this.healthTimeout = timeout;
      return this;
    }

    /** Builds the runner. */
    public ExperimentRunner build() {
      if (environment == null) {
        throw new IllegalStateException("an experiment runner needs an environment; call environment(...)");
      }
      return new ExperimentRunner(this);
    }

    RunSettings settings(Experiment experiment) {
      Path out = outputDirectory != null ? outputDirectory
          : Path.of("target", "experiments", RUN_ID.format(clock.instant()));
      return new RunSettings(environment, Optional.ofNullable(traffic), out.toAbsolutePath(), new SafeListener(listener),
          clock, Map.copyOf(httpDependencies), healthTimeout);
    }
  }
}
