package dev.chaosharness.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness bench ...}: benchmarks that print each figure as a ratio against a baseline
 * measured in the same run, plus the absolute numbers.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: each figure as a ratio against a baseline measured in the same run.",
    subcommands = {
      BenchCheckCommand.class,
      ProxyBenchCommand.class,
      BenchTrafficCommand.class,
      KafkaRestartBenchCommand.class,
    })
final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
