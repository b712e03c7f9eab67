package dev.chaosharness.experiments.cli;

import dev.chaosharness.traffic.driver.GatlingTraffic;
import dev.chaosharness.traffic.synthetics.CycleReport;
import dev.chaosharness.traffic.synthetics.MetricsServer;
import dev.chaosharness.traffic.synthetics.SyntheticsConfig;
import dev.chaosharness.traffic.synthetics.SyntheticsMetrics;
import dev.chaosharness.traffic.synthetics.SyntheticsRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness synthetics}: short, low-rate checks against a deployed system, once (exit 0
 * when every check passed, else 1: for cron and CI) or every interval with the results on its
 * own {@code /metrics}. Logs one JSON line per scenario and cycle on stdout.
 */
@Command(
    name = "synthetics",
    mixinStandardHelpOptions = true,
    description = "Production synthetics: a short, low-rate check per cycle, on /metrics and as JSON lines.")
final class SyntheticsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--scenario", defaultValue = "place-order", split = ",",
      description = "Scenarios each cycle runs (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(names = "--once", description = "Run one cycle and exit 0 if it passed, 1 if not.")
  boolean once;

  @Option(names = "--every", defaultValue = "60s", converter = DurationConverter.class,
      description = "Time from one cycle's start to the next (default: ${DEFAULT-VALUE}).")
  Duration every;

  @Option(names = "--cycles", defaultValue = "-1", description = "Stop after this many cycles (default: run until stopped).")
  long cycles;

  @Option(names = "--rate", defaultValue = "1", description = "Arrivals per second in a check (default: ${DEFAULT-VALUE}; at most 2 on production).")
  double rate;

  @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
      description = "How long each check injects (default: ${DEFAULT-VALUE}; at most 30s on production).")
  Duration duration;

  @Option(names = "--seed", description = "Seed of the first cycle (default: the start time in seconds, so cycles never reuse keys).")
  Long seed;

  @Option(names = "--allow-production", description = "Allow checks against a target marked production.")
  boolean allowProduction;

  @Option(names = "--metrics-port", description = "Port of /metrics (default: 9400 when repeating, none with --once; 0 picks a free one).")
  Integer metricsPort;

  @Option(names = "--metrics-host", defaultValue = "0.0.0.0", description = "Address /metrics binds to (default: ${DEFAULT-VALUE}).")
  String metricsHost;

  @Option(names = "--output", defaultValue = "target/synthetics", description = "Directory for the checks' traffic logs (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() {
    SyntheticsConfig config = config();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (config.capped()) {
      err.printf(Locale.ROOT, "synthetics: production target: capped to %.1f/s for %ds per check%n",
          config.effectiveRate(), config.effectiveDuration().toSeconds());
    }
    SyntheticsMetrics metrics = new SyntheticsMetrics();
    SyntheticsRunner runner;
    try {
      runner = new SyntheticsRunner(config, new GatlingTraffic(), metrics, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UserError("--scenario: " + e.getMessage(), e);
    }
    Integer port = metricsPort != null ? metricsPort : once ? null : 9400;
    try (MetricsServer server = port == null ? null : MetricsServer.start(metricsHost, port, metrics)) {
      if (server != null) {
        err.println("synthetics: metrics on http://" + metricsHost + ":" + server.port() + "/metrics");
        err.flush();
      }
      AtomicBoolean allPassed = new AtomicBoolean(true);
      runner.runEvery(every, once ? 1 : cycles, report -> {
        out.println(report.toJsonLine());
        out.flush();
        allPassed.compareAndSet(true, report.success());
      });
      return allPassed.get() ? 0 : HarnessCommand.EXIT_FAILED;
    }
  }

  private SyntheticsConfig config() {
    TargetOptions.Resolved where = target.resolve();
    if (once && cycles >= 0) {
      throw new UserError("Give either --once or --cycles N, not both");
    }
    if (every.toMillis() < 1_000) {
      throw new UserError("--every must be at least 1s, but was " + every);
    }
    try {
      return new SyntheticsConfig(scenarios, where.baseUrl(), where.production(), allowProduction, rate, duration,
          seed != null ? seed : Clock.systemUTC().millis() / 1000, output);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
