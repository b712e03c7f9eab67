package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.traffic.AssertionOutcome;
import dev.chaosharness.core.traffic.LoadProfile;
import dev.chaosharness.core.traffic.RequestOutcome;
import dev.chaosharness.core.traffic.TrafficAssertions;
import dev.chaosharness.core.traffic.TrafficException;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficProgress;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficResultJson;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.core.traffic.TrafficStatus;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness traffic run}: one open-model run; prints a progress line while it goes and the
 * results at the end. Exit 0 when every assertion held, 1 when one failed, 2 for bad input, 3
 * when the target is unreachable or the load generator failed. Ctrl-C stops the run and still
 * prints the results gathered so far.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run synthetic traffic against a system and print typed results.")
final class TrafficRunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin TargetOptions target = new TargetOptions();

  @Option(names = "--scenario", required = true, description = "place-order or browse.")
  String scenario;

  @Option(names = "--rate", required = true, description = "Peak arrivals (scenario starts) per second.")
  double rate;

  @Option(names = "--duration", required = true, converter = DurationConverter.class, description = "How long to inject, e.g. 30s.")
  Duration duration;

  @Option(names = "--profile", defaultValue = "constant", description = "constant, ramp, spike or step (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--output", defaultValue = "target/traffic", description = "Directory for run directories (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--max-latency", defaultValue = "2s", converter = DurationConverter.class,
      description = "Assert p99 latency from intended send at most this (default: ${DEFAULT-VALUE}).")
  Duration maxLatency;

  @Option(names = "--max-error-ratio", defaultValue = "0.01", description = "Assert at most this share of failed requests (default: ${DEFAULT-VALUE}).")
  double maxErrorRatio;

  @Option(names = "--poll-interval", defaultValue = "250ms", converter = DurationConverter.class, description = "First pause between order polls; it doubles after each poll up to 8 times this (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--poll-timeout", defaultValue = "30s", converter = DurationConverter.class, description = "Poll an order at most this long (default: ${DEFAULT-VALUE}).")
  Duration pollTimeout;

  @Option(names = "--connections", defaultValue = "128",
      description = "Most connections to the target, shared by all arrivals; browse only"
          + " (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--no-report", description = "Skip Gatling's HTML report.")
  boolean noReport;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Override
  public Integer call() {
    TrafficPlan plan = plan();
    GatlingTraffic traffic = new GatlingTraffic();
    if (!traffic.scenarios().contains(plan.scenario())) {
      throw new UserError("--scenario '" + scenario + "' is unknown; known scenarios: " + traffic.scenarios());
    }
    TrafficRun run = traffic.start(plan, TrafficListener.noop());
    AtomicReference<Boolean> printed = new AtomicReference<>(false);
    Thread onInterrupt = new Thread(() -> {
      if (!run.isDone() || !printed.get()) {
        TrafficResult partial = run.stop();
        synchronized (printed) {
          if (!printed.getAndSet(true)) {
            print(partial);
          }
        }
      }
    }, "traffic-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    TrafficResult result = waitFor(run, plan);
    synchronized (printed) {
      if (!printed.getAndSet(true)) {
        print(result);
      }
    }
    Runtime.getRuntime().removeShutdownHook(onInterrupt);
    if (result.status() == TrafficStatus.FAILED) {
      throw new TrafficException("The load generator failed; see " + run.directory().resolve("gatling.log"));
    }
    return result.passed() ? 0 : HarnessCommand.EXIT_FAILED;
  }

  private TrafficPlan plan() {
    TargetOptions.Resolved where = target.resolve();
    try {
      return TrafficPlan.builder()
          .scenario(scenario).baseUrl(where.baseUrl()).rate(rate).duration(duration)
          .profile(LoadProfile.parse(profile)).seed(seed).outputDirectory(output)
          .assertions(new TrafficAssertions(99, maxLatency, maxErrorRatio))
          .pollInterval(pollInterval).pollTimeout(pollTimeout).htmlReport(!noReport).maxConnections(connections)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UserError("Bad traffic option: " + e.getMessage(), e);
    }
  }

  private TrafficResult waitFor(TrafficRun run, TrafficPlan plan) {
    PrintWriter err = spec.commandLine().getErr();
    long printEvery = 2_000;
    while (!run.isDone()) {
      try {
        Thread.sleep(printEvery);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return run.stop();
      }
      TrafficProgress p = run.progress();
      err.printf(Locale.ROOT, "traffic: %5.1fs  arrivals %d (%.1f/s of %.1f/s)  requests %d  failed %d%n",
          p.elapsed().toMillis() / 1000.0, p.arrivals(), p.arrivalRate(), plan.intendedRate(), p.requests(), p.failed());
      err.flush();
    }
    return run.await(Duration.ofMinutes(1));
  }

  private void print(TrafficResult r) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(TrafficResultJson.toJson(r));
    } else {
      out.println(summary(r));
    }
    out.flush();
  }

  static String summary(TrafficResult r) {
    StringBuilder s = new StringBuilder();
    s.append(r.plan()).append(": ").append(r.status()).append(r.passed() ? ", passed" : ", FAILED").append('\n');
    s.append(String.format(Locale.ROOT, "  arrivals   %d, achieved %.2f/s of intended %.2f/s (%.1f%%), send lag p99 %d ms%n",
        r.arrivals(), r.achievedRate(), r.intendedRate(), r.rateRatio() * 100, r.sendLagP99().toMillis()));
    s.append("  requests   ").append(r.requests());
    for (RequestOutcome o : RequestOutcome.values()) {
      s.append(", ").append(o.label()).append(' ').append(r.requestsByOutcome().getOrDefault(o, 0L));
    }
    s.append('\n');
    if (!r.ordersByStatus().isEmpty()) {
      s.append("  orders     ").append(r.ordersByStatus()).append('\n');
    }
    s.append(String.format(Locale.ROOT, "  latency    p50 %d ms, p90 %d ms, p95 %d ms, p99 %d ms, max %d ms (from intended send)%n",
        r.latency().p50().toMillis(), r.latency().p90().toMillis(), r.latency().p95().toMillis(),
        r.latency().p99().toMillis(), r.latency().max().toMillis()));
    for (AssertionOutcome a : r.assertions()) {
      s.append("  ").append(a).append('\n');
    }
    s.append("  traffic log ").append(r.trafficLog()).append('\n');
    s.append("  report      ").append(r.report() == null ? "(none)" : r.report());
    return s.toString();
  }
}
