package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.sample.smoke.SagaPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every checker holds on the shop without defects: the other half of each defect proof. */
class CleanShopProofTest {

  @TempDir static Path workDir;
  private static ShopDriver shop;

  @BeforeAll
  static void start() {
    shop = ShopDriver.start(workDir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
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

  @Test
  void should_lose_no_accepted_order_when_the_broker_is_unreachable_while_orders_are_accepted() throws Exception {
    // when: two orders are accepted while order->kafka is down, the fault that loses them under
    // order-no-outbox (DefectiveShopProofTest), until the first sends of their OrderCreated fail
    List<String> accepted = shop.placeDuringBrokerOutage("c-proof-kept", 2);

    // then: the outbox publishes them once the broker is back
    assertThat(shop.awaitTerminal(accepted)).containsExactly("COMPLETED", "COMPLETED");
    Verdict verdict = shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec())
        .withDeadline(Duration.ofMinutes(3)).withAccepted(accepted));
    assertThat(verdict.anomalies()).as("late by the outage, but never lost: %s", verdict.toText()).isEmpty();
    assertThat(verdict.sagas()).as(verdict.toText()).isGreaterThanOrEqualTo(accepted.size());
  }
}
