package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.sample.smoke.SagaPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every checker holds on the shop without defects: the other half of each defect proof. */
class CleanShopProofTest {

  @TempDir static Path workDir;
  private static EmbeddedEnvironment env;
  private static ShopDriver shop;

  @BeforeAll
  static void start() {
    env = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
        .workDir(workDir)
        .build());
    shop = new ShopDriver(env, workDir);
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void should_find_no_anomaly_when_every_saga_path_runs_and_an_order_created_is_redelivered() throws Exception {
    // given: a seeded mix over every path, each path at least twice
    SplittableRandom random = new SplittableRandom(20261122L);
    List<SagaPath> paths = new ArrayList<>();
    for (SagaPath path : SagaPath.values()) {
      paths.add(path);
      paths.add(path);
    }
    for (int i = 0; i < 12; i++) {
      paths.add(SagaPath.pick(random));
    }
    List<String> orderIds = new ArrayList<>();
    for (SagaPath path : paths) {
      orderIds.add(shop.place(path.requestBody("c-proof-clean")));
    }
    List<String> statuses = shop.awaitTerminal(orderIds);
    for (int i = 0; i < paths.size(); i++) {
      assertThat(statuses.get(i)).as("order %s on path %s", orderIds.get(i), paths.get(i))
          .isEqualTo(paths.get(i) == SagaPath.SUCCESS ? "COMPLETED" : "FAILED");
    }

    // when: a copy of a completed order's OrderCreated (same event id) is delivered again
    double duplicatesBefore = shop.metric("payment", "inbox_duplicates_total");
    shop.redeliverOrderCreated(orderIds.get(0));
    await("payment to count the redelivered OrderCreated as a duplicate").atMost(ShopDriver.SAGA_TIMEOUT)
        .until(() -> shop.metric("payment", "inbox_duplicates_total"), d -> d > duplicatesBefore);
    Verdict verdict = shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec()).withAccepted(orderIds));

    // then
    assertThat(verdict.anomalies()).as(verdict.toText()).isEmpty();
    assertThat(verdict.holds()).isTrue();
    assertThat(verdict.sagas()).as(verdict.toText()).isEqualTo(orderIds.size());
    assertThat(verdict.checkers()).containsExactly("ordering", "idempotency", "no-loss", "compensation");
    assertThat(verdict.events()).as(verdict.toText()).isGreaterThanOrEqualTo(orderIds.size() * 3);
  }
}
