package dev.chaosharness.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness sample ...}: commands for the bundled sample shop.
 *
 * <p>Not thread-safe; picocli creates one per invocation.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Commands for the bundled sample shop.",
    subcommands = {SampleSmokeCommand.class})
final class SampleCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
