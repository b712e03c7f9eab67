package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness sample smoke}: places a seeded mix of orders over every saga path against a
 * running shop, waits for their outcomes and prints one JSON line; exits 1 when a saga is stuck,
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

  @Option(names = "--target", required = true,
      description = "Target file of a running shop (written by 'harness up'): services[order].baseUrl and "
          + "kafka.bootstrapServers.")
  Path target;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the order mix (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--timeout", defaultValue = "60",
      description = "Seconds to wait for outcomes after the last order (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    SmokeSettings settings;
    try {
      TargetDescription described = TargetDescription.read(target);
      if (described.kafka() == null) {
        throw new UserError("target file " + target + " has no kafka.bootstrapServers; the smoke run watches "
            + "orders.events for outcomes");
      }
      settings = new SmokeSettings(URI.create(described.service("order").baseUrl()),
          described.kafka().bootstrapServers(), orders, rate, seed, Long.toString(clock.millis(), 36),
          Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    } catch (InvalidFileException | IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    spec.commandLine().getErr().printf("placing %d orders at %.1f/s against %s%n", orders, rate,
        settings.orderUrl());
    SmokeReport report = SmokeRun.run(settings, line -> spec.commandLine().getErr().println(line));
    spec.commandLine().getOut().println(report.toJson());
    return report.ok() ? 0 : HarnessCommand.EXIT_FAILED;
  }
}
