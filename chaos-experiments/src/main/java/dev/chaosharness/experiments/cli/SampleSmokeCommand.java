package dev.chaosharness.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
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
      JsonNode file = readTarget(target);
      settings = new SmokeSettings(orderUrl(file), bootstrap(file), orders, rate, seed,
          Long.toString(clock.millis(), 36), Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    spec.commandLine().getErr().printf("placing %d orders at %.1f/s against %s%n", orders, rate,
        settings.orderUrl());
    SmokeReport report = SmokeRun.run(settings, line -> spec.commandLine().getErr().println(line));
    spec.commandLine().getOut().println(report.toJson());
    return report.ok() ? 0 : HarnessCommand.EXIT_FAILED;
  }

  private static JsonNode readTarget(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("target file " + file + " does not exist; start the shop with 'harness up' and pass the "
          + "target file it writes");
    }
    try {
      return new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UserError("target file " + file + " is not valid YAML or JSON: " + e.getMessage(), e);
    }
  }

  private URI orderUrl(JsonNode file) {
    for (JsonNode service : file.path("services")) {
      if ("order".equals(service.path("name").asText())) {
        String url = service.path("baseUrl").asText("");
        try {
          return URI.create(url);
        } catch (IllegalArgumentException e) {
          throw new UserError("target file " + target + ": services[order].baseUrl must be a URL, but was '" + url
              + "'", e);
        }
      }
    }
    throw new UserError("target file " + target + " has no service named 'order' under 'services'; the smoke run "
        + "places orders there");
  }

  private String bootstrap(JsonNode file) {
    String servers = file.path("kafka").path("bootstrapServers").asText("");
    if (servers.isBlank()) {
      throw new UserError("target file " + target + " has no kafka.bootstrapServers; the smoke run watches "
          + "orders.events for outcomes");
    }
    return servers;
  }
}
