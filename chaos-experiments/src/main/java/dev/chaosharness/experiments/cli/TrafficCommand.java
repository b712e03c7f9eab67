package dev.chaosharness.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness traffic ...}: synthetic open-model traffic against a system. */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = "Synthetic open-model traffic: seeded, marked synthetic, with typed results.",
    subcommands = {TrafficRunCommand.class})
final class TrafficCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
