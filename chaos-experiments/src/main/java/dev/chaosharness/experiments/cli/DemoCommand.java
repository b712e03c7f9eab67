package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.experiment.Experiment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness demo}: the whole product in one command. Starts the embedded sample shop behind
 * the fault proxy, runs a built-in game day from the catalog (traffic, a fault, recovery, saga
 * checks), prints the verdict, the measured time-to-recover and where the journal and report
 * are, and stops the shop.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Starts the sample shop, runs a short built-in game day against it (synthetic traffic, a fault, "
            + "recovery, saga checks) and prints the verdict, the time-to-recover and the report's path.",
        "Takes about two minutes. Exit codes: 0 passed, 1 a hypothesis, invariant or goal failed, 3 a component failed."})
final class DemoCommand implements Callable<Integer> {

  /** The catalog experiment the demo runs unless told otherwise. */
  static final String DEFAULT_EXPERIMENT = "payment-provider-outage";

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Option(names = "--experiment", paramLabel = "NAME", defaultValue = DEFAULT_EXPERIMENT,
      description = "The catalog experiment to run (a file under catalog/ on the classpath); default: ${DEFAULT-VALUE}.")
  String experimentName;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where journal.json, report.html, traffic and history go; default: target/demo/<run-id>.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Experiment experiment = catalogExperiment();
    Path directory = outputDirectory();
    out.printf("harness demo: game day '%s' against the sample shop; files in %s%n", experiment.title(), directory);
    out.flush();
    LocalEnvironment.Options shop = new LocalEnvironment.Options(LocalEnvironment.sampleTopology(null),
        directory.resolve("environment"), Map.of(), null, 0, true);
    try (LocalEnvironment local = LocalEnvironment.start(shop, out)) {
      Journal journal = ExperimentRunner.builder().environment(local.env()).traffic(new GatlingTraffic())
          .outputDirectory(directory).listener(new GamedayProgress(out)).build().run(experiment);
      return JournalSummary.print(journal, directory, out);
    }
  }

  private Experiment catalogExperiment() {
    String resource = "catalog/" + experimentName + (experimentName.endsWith(".yaml") ? "" : ".yaml");
    try {
      return ExperimentFile.readResource(resource);
    } catch (InvalidFileException e) {
      throw new UserError(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserError("--experiment " + experimentName + ": " + e.getMessage(), e);
    }
  }

  private Path outputDirectory() {
    Path base = output != null ? output : Path.of("target", "demo",
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant()));
    return base.toAbsolutePath();
  }
}
