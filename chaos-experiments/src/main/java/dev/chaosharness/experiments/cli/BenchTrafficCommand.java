package dev.chaosharness.experiments.cli;

import dev.chaosharness.traffic.bench.TrafficBenchmark;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness bench traffic}: rate accuracy, highest sustained open-model rate next to
 * {@code wrk}, and start overhead, against a trivial local endpoint in the same run. Exit 0 when
 * every goal was met, 1 otherwise.
 */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = "Benchmark the traffic driver against a local endpoint, with wrk as the baseline.")
final class BenchTrafficCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rates", split = ",", defaultValue = "10,100,500,1000,2000",
      description = "Rates for the accuracy phase (default: ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
      description = "Length of each accuracy run (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--max-search", split = ",",
      defaultValue = "1000,5000,10000,20000,30000,40000,50000,60000,70000,80000,100000",
      description = "Rates tried, in order, for the highest sustained rate, up to the first one not "
          + "sustained (default: ${DEFAULT-VALUE}).")
  List<Double> maxSearch;

  @Option(names = "--refine", defaultValue = "3",
      description = "Halvings of the gap between the last sustained rate of the search and the first one "
          + "not sustained (default: ${DEFAULT-VALUE}).")
  int refine;

  @Option(names = "--max-step", defaultValue = "30s", converter = DurationConverter.class,
      description = "Length of each step of the search, and of the wrk run (default: ${DEFAULT-VALUE}).")
  Duration maxStep;

  @Option(names = "--wrk", defaultValue = "wrk", description = "The wrk binary (default: ${DEFAULT-VALUE}).")
  String wrk;

  @Option(names = "--output", defaultValue = "target/bench-traffic", description = "Run directories (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--keep-runs", description = "Keep each run's directory (traffic log, Gatling log); "
      + "by default each is deleted once its figures are read: a step at 70,000/s logs about 400 MB.")
  boolean keepRuns;

  @Override
  public Integer call() {
    if (rates.stream().anyMatch(r -> !(r > 0)) || maxSearch.stream().anyMatch(r -> !(r > 0))) {
      throw new UserError("--rates and --max-search must be positive rates, but were " + rates + " and " + maxSearch);
    }
    if (refine < 0) {
      throw new UserError("--refine must be 0 or more, but was " + refine);
    }
    TrafficBenchmark bench = new TrafficBenchmark(new GatlingTraffic(), spec.commandLine().getOut(),
        new TrafficBenchmark.Settings(rates, duration, maxSearch, refine, maxStep, wrk, output, keepRuns));
    return bench.run() ? 0 : HarnessCommand.EXIT_FAILED;
  }
}
