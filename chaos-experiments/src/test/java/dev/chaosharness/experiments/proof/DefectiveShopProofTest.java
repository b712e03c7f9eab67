package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.sample.smoke.SagaPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each checker fails on the shop with its matching defect switch: one shop with the defects of
 * payment ({@code payment-not-idempotent}, {@code payment-no-refund}), order ({@code order-no-outbox})
 * and stock ({@code stock-unordered}) on, each test provoking one and asserting the anomaly for its
 * own orders.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefectiveShopProofTest {

  @TempDir static Path workDir;
  private static ShopDriver shop;

  @BeforeAll
  static void start() {
    shop = ShopDriver.start(workDir, Map.of(
        "payment", "payment-not-idempotent,payment-no-refund",
        "order", "order-no-outbox",
        "stock", "stock-unordered"));
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  @Order(1)
  void should_report_accepted_orders_as_lost_when_order_publishes_without_outbox_and_the_broker_is_unreachable()
      throws Exception {
    // when: two orders are accepted while order cannot reach the broker (nothing else in flight),
    // and the fire-and-forget sends expire (delivery timeout) with their errors swallowed
    List<String> lost = shop.placeDuringBrokerOutage("c-proof-lost", 2);
    Verdict verdict = shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec()).withAccepted(lost));

    // then
    for (String orderId : lost) {
      assertThat(shop.status(orderId)).isEqualTo("PENDING");
      assertAnomaly(verdict, "no-loss", "LOST", orderId, "no event of it is in the history");
    }
  }

  @Test
  @Order(2)
  void should_report_a_duplicate_payment_when_payment_is_not_idempotent_and_order_created_is_redelivered()
      throws Exception {
    // given
    String orderId = shop.place(SagaPath.SUCCESS.requestBody("c-proof-twice"));
    assertThat(shop.awaitTerminal(List.of(orderId))).containsExactly("COMPLETED");

    // when
    shop.redeliverOrderCreated(orderId);

    // then
    Verdict verdict = await("a second PaymentProcessed of order " + orderId).atMost(ShopDriver.SAGA_TIMEOUT)
        .until(() -> shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec())),
            v -> find(v, "DUPLICATE_EFFECT", orderId) != null);
    Anomaly duplicate = assertAnomaly(verdict, "idempotency", "DUPLICATE_EFFECT", orderId, "PaymentProcessed");
    assertThat(duplicate.evidence()).as(verdict.toText()).hasSize(2)
        .allSatisfy(e -> assertThat(e.type()).isEqualTo("PaymentProcessed"));
  }

  @Test
  @Order(3)
  void should_report_the_missing_refund_when_payment_ignores_compensation() throws Exception {
    // given
    String outOfStock = shop.place(SagaPath.OUT_OF_STOCK.requestBody("c-proof-refund"));
    String undeliverable = shop.place(SagaPath.UNDELIVERABLE.requestBody("c-proof-refund"));

    // when
    assertThat(shop.awaitTerminal(List.of(outOfStock, undeliverable))).containsExactly("FAILED", "FAILED");

    // then
    Verdict verdict = await("the failed sagas in the history").atMost(ShopDriver.SAGA_TIMEOUT)
        .until(() -> shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec())),
            v -> find(v, "MISSING_COMPENSATION", outOfStock) != null
                && find(v, "MISSING_COMPENSATION", undeliverable) != null);
    assertAnomaly(verdict, "compensation", "MISSING_COMPENSATION", outOfStock,
        "StockInsufficient was not followed by PaymentRefunded");
    assertAnomaly(verdict, "compensation", "MISSING_COMPENSATION", undeliverable,
        "ShipmentFailed was not followed by PaymentRefunded");
    assertThat(verdict.anomalies()).as("stock still releases: %s", verdict.toText())
        .noneMatch(a -> a.explanation().contains("not followed by StockReleased"));
  }

  @Test
  @Order(4)
  void should_report_split_partitions_when_stock_publishes_without_per_key_order() throws Exception {
    // given: each undeliverable order puts a reservation and a release on stock.events; scattered
    // at random over its 3 partitions, all 8 orders keep both on one partition with p = (1/3)^8
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      orders.add(shop.place(SagaPath.UNDELIVERABLE.requestBody("c-proof-unordered")));
    }

    // when
    assertThat(shop.awaitTerminal(orders)).containsOnly("FAILED");

    // then
    Verdict verdict = await("the released stock in the history").atMost(ShopDriver.SAGA_TIMEOUT)
        .until(() -> shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec())),
            v -> orders.stream().anyMatch(o -> find(v, "SPLIT_PARTITIONS", o) != null));
    String split = orders.stream().filter(o -> find(verdict, "SPLIT_PARTITIONS", o) != null).findFirst().orElseThrow();
    assertAnomaly(verdict, "ordering", "SPLIT_PARTITIONS", split, "this key's events on stock.events are on partitions");
  }

  private static Anomaly find(Verdict verdict, String kind, String key) {
    return verdict.anomalies().stream().filter(a -> a.kind().equals(kind) && a.key().equals(key))
        .findFirst().orElse(null);
  }

  private static Anomaly assertAnomaly(Verdict verdict, String checker, String kind, String key, String mentioned) {
    Anomaly anomaly = find(verdict, kind, key);
    assertThat(anomaly).as("%s anomaly of %s in%n%s", kind, key, verdict.toText()).isNotNull();
    assertThat(anomaly.checker()).isEqualTo(checker);
    assertThat(anomaly.explanation()).as(verdict.toText()).isNotBlank().contains(mentioned);
    return anomaly;
  }
}
