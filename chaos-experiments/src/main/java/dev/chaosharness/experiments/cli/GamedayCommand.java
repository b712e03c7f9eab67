package dev.chaosharness.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness gameday ...}: run chaos experiments as a game day, with live progress. */
@Command(
    name = "gameday",
    mixinStandardHelpOptions = true,
    description = "Game days: run an experiment file with live progress, a journal and an exit code.",
    subcommands = {GamedayRunCommand.class})
final class GamedayCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
