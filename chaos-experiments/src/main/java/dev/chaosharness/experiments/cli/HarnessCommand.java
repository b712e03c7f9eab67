package dev.chaosharness.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code harness} command line: the root command and its subcommands.
 *
 * <pre>{@code
 * int exit = HarnessCommand.execute("up", "--ready-then-exit");
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 a check or goal failed, 2 bad input (usage), 3 a component
 * failed to start or run.
 */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Chaos Harness: synthetic traffic, fault injection and saga checks for cloud-native systems.",
    subcommands = {
      CommandLine.HelpCommand.class,
      UpCommand.class,
      SampleCommand.class,
      TrafficCommand.class,
      SyntheticsCommand.class,
      ProxyCommand.class,
      CheckCommand.class,
      BenchCommand.class,
      GamedayCommand.class,
      DemoCommand.class,
    })
public final class HarnessCommand implements Runnable {

  /** Exit code when a check, hypothesis or goal failed. */
  public static final int EXIT_FAILED = 1;
  /** Exit code for bad input: unknown options, malformed files. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when a component failed to start or run. */
  public static final int EXIT_ERROR = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the harness's error handling. */
  public static CommandLine commandLine() {
    return new CommandLine(new HarnessCommand())
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Runs the command line with the given arguments and returns its exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Entry point of the {@code harness} fat jar. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
