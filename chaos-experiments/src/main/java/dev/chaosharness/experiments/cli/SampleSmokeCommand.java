package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness sample smoke}: places a seeded mix of orders over every saga path against a
 * running shop (or a fresh embedded one), waits for their outcomes and prints one JSON line; exits 1 when a saga is stuck,
 * rejected, or ends in a state its inputs do not explain.
 *
 * <p>Not thread-safe; picocli creates one per invocation.
 */
@Command(
    name = "smoke",
    mixinStandardHelpOptions = true,
    description = {"Places N orders (success, payment declined, out of stock, undeliverable), waits for their "
        + "outcomes and prints {orders, completed, failed, stuck, p50_ms, p99_ms, sagas_per_s} as one JSON line.",
        "Exits 1 if a saga is stuck or ends in a state its inputs do not explain."})
final class SampleSmokeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--orders", required = true, description = "How many orders to place.")
  int orders;

  @Option(names = "--rate", defaultValue = "50", description = "Orders per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--target",
      description = "Target file of a running shop (written by 'harness up'): services[order].baseUrl and "
          + "kafka.bootstrapServers. Without it a fresh embedded shop starts for the run and stops after it.")
  Path target;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the order mix (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--timeout", defaultValue = "60",
      description = "Seconds to wait for outcomes after the last order (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    SmokeSettings settings = settings(URI.create("http://127.0.0.1"), ""); // validates the options before anything starts
    if (target != null) {
      return smoke(settings, readTarget(target), "target file " + target);
    }
    PrintWriter err = spec.commandLine().getErr();
    try (LocalEnvironment local = LocalEnvironment.start(LocalEnvironment.Options.sampleShop(Map.of()), err)) {
      return smoke(settings, local.env().target(), "the embedded shop");
    }
  }

  private SmokeSettings settings(URI orderUrl, String bootstrapServers) {
    try {
      return new SmokeSettings(orderUrl, bootstrapServers, orders, rate, seed, Long.toString(clock.millis(), 36),
          Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private static TargetDescription readTarget(Path file) {
    try {
      return TargetDescription.read(file);
    } catch (InvalidFileException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private int smoke(SmokeSettings options, TargetDescription described, String where) throws Exception {
    if (described.kafka() == null) {
      throw new UserError(where + " has no kafka.bootstrapServers; the smoke run watches orders.events for outcomes");
    }
    SmokeSettings settings;
    try {
      settings = options.withTarget(URI.create(described.service("order").baseUrl()),
          described.kafka().bootstrapServers());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    spec.commandLine().getErr().printf("placing %d orders at %.1f/s against %s%n", orders, rate,
        settings.orderUrl());
    SmokeReport report = SmokeRun.run(settings, line -> spec.commandLine().getErr().println(line));
    spec.commandLine().getOut().println(report.toJson());
    return report.ok() ? 0 : HarnessCommand.EXIT_FAILED;
  }
}
