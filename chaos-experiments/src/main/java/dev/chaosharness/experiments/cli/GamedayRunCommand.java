package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.experiment.Experiment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.experiment.ExternalEnvironment;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.target.InvalidFileException;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness gameday run FILE}: runs an experiment file phase by phase with a live progress
 * line per KPI sample, writes journal.json and report.html,
 * and exits 0 only when the run passed. Without {@code --target} it starts the embedded shop
 * behind the fault proxy and stops it afterwards; Ctrl-C (SIGINT/SIGTERM) reverts every fault
 * and runs the rollbacks before the JVM exits.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs an experiment file (YAML or JSON, Chaos Toolkit format plus harness extensions) as a game day.",
        "Without --target it starts the embedded sample shop (or --topology) behind the fault proxy.",
        "Exit codes: 0 passed, 1 hypothesis/invariant/goal failed or run aborted, 2 bad input, 3 a component or "
            + "activity failed."})
final class GamedayRunCommand implements Callable<Integer> {

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file.")
  Path file;

  @Option(names = "--target", paramLabel = "FILE",
      description = "Target file of a running system (faults through its proxyApiUrl); default: start the embedded shop.")
  Path target;

  @Option(names = "--topology", paramLabel = "FILE",
      description = "Topology to start without --target; default: the sample shop's.")
  Path topologyFile;

  @Option(names = "--defects", paramLabel = "SERVICE=SWITCHES",
      description = "Defect switches for a started service, e.g. payment=payment-no-refund (repeatable).")
  Map<String, String> defects = new LinkedHashMap<>();

  @Option(names = "--dry-run", description = "Check the experiment against the target and print the plan; start nothing.")
  boolean dryRun;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where journal.json, report.html, traffic and history go; default: target/gameday/<run-id>.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Experiment experiment = userInput(() -> ExperimentFile.read(file));
    Environment preview = target != null
        ? ExternalEnvironment.of(userInput(() -> TargetDescription.read(target))) : new TopologyPreview(topology());
    String plan = userInput(() -> runner(preview, out).plan(experiment));
    if (dryRun) {
      out.println("harness: dry run of " + file + (target == null ? " against the topology (nothing started)" : ""));
      out.print(plan);
      out.flush();
      return 0;
    }
    if (target != null) {
      return report(runner(preview, out).run(experiment), out);
    }
    LocalEnvironment.Options options = new LocalEnvironment.Options(topology(), outputDirectory().resolve("environment"),
        defects, null, 0, true);
    try (LocalEnvironment shop = LocalEnvironment.start(options, out)) {
      return report(userInput(() -> runner(shop.env(), out).run(experiment)), out);
    }
  }

  private Topology topology() {
    if (topologyFile != null) {
      return userInput(() -> Topology.read(topologyFile));
    }
    Topology sample = LocalEnvironment.sampleTopology(null);
    if (sample == null) {
      throw new UserError("No topology: " + LocalEnvironment.SAMPLE_TOPOLOGY + " is not on the classpath; pass --topology FILE "
          + "or --target FILE");
    }
    return sample;
  }

  private ExperimentRunner runner(Environment environment, PrintWriter out) {
    return ExperimentRunner.builder().environment(environment).traffic(new GatlingTraffic())
        .outputDirectory(outputDirectory()).listener(new GamedayProgress(out)).build();
  }

  private Path outputDirectory() {
    if (output == null) {
      output = Path.of("target", "gameday",
          DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant()));
    }
    return output.toAbsolutePath();
  }

  private int report(Journal journal, PrintWriter out) {
    return JournalSummary.print(journal, outputDirectory(), out);
  }

  private static <T> T userInput(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidFileException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
