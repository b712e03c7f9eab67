package dev.chaosharness.experiments.catalog;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.experiment.Experiment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import dev.chaosharness.core.traffic.TrafficLog;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The embedded sample shop behind the fault proxy, with defect switches per service, running catalog experiments. */
final class CatalogShop implements AutoCloseable {

  private final FaultProxy proxy;
  private final EmbeddedEnvironment env;
  private final Path workDir;

  private CatalogShop(FaultProxy proxy, EmbeddedEnvironment env, Path workDir) {
    this.proxy = proxy;
    this.env = env;
    this.workDir = workDir;
  }

  /** Starts the shipped shop with {@code defects} ({@code service -> SAMPLE_DEFECTS}). */
  static CatalogShop start(Path workDir, Map<String, String> defects) {
    FaultProxy proxy = FaultProxy.start(FaultProxyConfig.ofDefaults());
    try {
      EmbeddedEnvironmentConfig.Builder config = EmbeddedEnvironmentConfig.builder()
          .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
          .workDir(workDir.resolve("shop"))
          .linkRouter(FaultProxyLinkRouter.of(proxy))
          .proxyApiUrl(proxy.apiUrl().toString());
      defects.forEach(config::defects);
      return new CatalogShop(proxy, EmbeddedEnvironment.start(config.build()), workDir);
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  /** Runs the catalog experiment {@code name} ({@code catalog/<name>.yaml}) with Gatling traffic and prints its time. */
  Journal run(String name) {
    Experiment experiment = ExperimentFile.readResource("catalog/" + name + ".yaml");
    Journal journal = ExperimentRunner.builder().environment(env).traffic(new GatlingTraffic())
        .outputDirectory(workDir.resolve(name + "-" + System.nanoTime())).build().run(experiment);
    System.out.printf("catalog %s: %s in %d s%n", name, journal.passed() ? "passed" : "failed",
        Duration.between(journal.start(), journal.end()).toSeconds());
    return journal;
  }

  /** The order ids the run's traffic was told were accepted. */
  static Set<String> accepted(Journal journal) {
    return journal.traffic().map(t -> TrafficLog.acceptedOrders(t.trafficLog())).orElse(Set.of());
  }

  /** A one-paragraph account of a journal for assertion messages. */
  static String explain(Journal journal) {
    return "phases " + journal.phases() + "\nfaults " + journal.faults() + "\nrecovery " + journal.recovery()
        + "\nstatus " + journal.status() + ", deviated " + journal.deviated() + ", abort "
        + journal.abortReason().orElse("-") + "\nbefore " + journal.steadyStateBefore() + "\nafter "
        + journal.steadyStateAfter() + "\nactivities " + journal.run() + "\ngoals " + journal.goals()
        + "\ninvariants " + journal.invariants().map(v -> v.toText(20)).orElse("-");
  }

  @Override
  public void close() {
    try {
      env.close();
    } finally {
      proxy.close();
    }
  }
}
