package dev.chaosharness.experiments.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.experiment.Experiment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.experiment.Phase;
import dev.chaosharness.core.experiment.RunListener;
import dev.chaosharness.core.experiment.RunStatus;
import dev.chaosharness.core.kpi.KpiSample;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a small YAML experiment with the ExperimentRunner against the embedded shop behind the fault proxy. */
class ExperimentEndToEndTest {

  @TempDir static Path workDir;
  private static FaultProxy proxy;
  private static EmbeddedEnvironment shop;

  @BeforeAll
  static void start() {
    proxy = FaultProxy.start(FaultProxyConfig.ofDefaults());
    shop = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
        .workDir(workDir.resolve("shop"))
        .linkRouter(FaultProxyLinkRouter.of(proxy))
        .proxyApiUrl(proxy.apiUrl().toString())
        .build());
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void should_pass_with_journal_json_when_the_shop_rides_out_provider_latency() {
    // given
    Experiment experiment = ExperimentFile.readResource("experiments/payment-latency.yaml");
    Path output = workDir.resolve("experiment");
    List<Phase> phases = new CopyOnWriteArrayList<>();
    List<List<String>> faultsPerSample = new CopyOnWriteArrayList<>();
    ExperimentRunner runner = ExperimentRunner.builder().environment(shop).traffic(new GatlingTraffic())
        .outputDirectory(output).listener(new RunListener() {
          @Override
          public void onPhase(Phase phase, Instant at) {
            phases.add(phase);
          }

          @Override
          public void onSample(KpiSample sample, List<String> activeFaults) {
            faultsPerSample.add(activeFaults);
          }
        }).build();

    // when
    Journal journal = runner.run(experiment);

    // then
    assertThat(journal.status()).as(journal.abortReason().orElse("")).isEqualTo(RunStatus.COMPLETED);
    assertThat(journal.passed()).as("%s / %s / %s", journal.steadyStateAfter(), journal.goals(),
        journal.invariants().map(v -> v.toText()).orElse("")).isTrue();
    assertThat(journal.invariants().orElseThrow().sagas()).isGreaterThan(50);
    assertThat(journal.faults()).singleElement().satisfies(f -> assertThat(f.fault()).contains("payment->provider"));
    assertThat(faultsPerSample).anySatisfy(faults -> assertThat(faults).hasSize(1));
    assertThat(phases).containsExactly(Phase.values());
    assertThat(output.resolve("journal.json")).isRegularFile();
    assertThat(proxy.apiUrl()).isNotNull();
  }
}
