package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.fault.FaultTarget;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.fault.HttpDependency;
import dev.chaosharness.sample.smoke.SagaPath;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP dependency faults on the shop's payment provider: WireMock ({@link HttpDependency}) stands
 * in for the provider behind the {@code payment->provider} link, and the payment gateway's timeout
 * (2 s), retries (3 attempts) and circuit breaker decide the saga's outcome.
 */
class ProviderHttpFaultProofTest {

  private static final String CHARGED = "{\"chargeId\":\"wm-charge\",\"status\":\"APPROVED\"}";
  private static final Duration OBSERVE = Duration.ofSeconds(4);

  @TempDir static Path workDir;
  private static HttpDependency provider;
  private static ShopDriver shop;
  private static FaultTarget target;

  @BeforeAll
  static void start() {
    provider = HttpDependency.start("provider");
    provider.stub("POST", "/charges.*", 201, CHARGED);
    provider.stub("POST", "/refunds.*", 201, "{\"refundId\":\"wm-refund\",\"status\":\"REFUNDED\"}");
    InetSocketAddress stub = new InetSocketAddress("127.0.0.1", provider.baseUrl().getPort());
    shop = ShopDriver.start(workDir, Map.of(), Map.of("payment->provider", stub));
    target = FaultTarget.builder().httpDependency("provider", provider).build();
  }

  @AfterAll
  static void stop() {
    try {
      if (shop != null) {
        shop.close();
      }
    } finally {
      provider.close();
    }
  }

  @Test
  void should_hold_orders_pending_with_the_circuit_open_then_complete_them_when_the_provider_answers_503()
      throws Exception {
    List<String> orders;
    try (FaultLedger ledger = FaultLedger.open(target)) {
      // given
      double errorsBefore = shop.metric("payment", "provider_calls_total", "outcome=\"error\"");
      double rejectedBefore = shop.metric("payment", "provider_calls_total", "outcome=\"rejected\"");
      ledger.inject(Faults.httpError(503).forUrls("/charges.*").on("provider"));

      // when
      orders = List.of(place(), place());

      // then: retried charges fail, the breaker opens and rejects calls, the orders wait
      await("the payment gateway to give up after retries and open its circuit").atMost(ShopDriver.SAGA_TIMEOUT)
          .until(() -> shop.metric("payment", "provider_calls_total", "outcome=\"error\"") > errorsBefore
              && shop.metric("payment", "provider_calls_total", "outcome=\"rejected\"") > rejectedBefore);
      assertStillPending(orders);
    } // reverted here

    // then: the saga resumes once the provider answers again, without loss or double effects
    assertThat(shop.awaitTerminal(orders)).containsExactly("COMPLETED", "COMPLETED");
    assertSagasHold(orders);
  }

  @Test
  void should_hold_an_order_pending_then_complete_it_when_the_provider_answers_slower_than_the_gateway_timeout()
      throws Exception {
    String order;
    try (FaultLedger ledger = FaultLedger.open(target)) {
      // given
      double failedBefore = failedCalls();
      ledger.inject(Faults.httpDelay(Duration.ofSeconds(3)).on("provider"));

      // when
      order = place();

      // then: every attempt times out after 2 s (or the circuit rejects it) and the order waits
      await("the payment gateway to time out the charge").atMost(ShopDriver.SAGA_TIMEOUT)
          .until(() -> failedCalls() > failedBefore);
      assertStillPending(List.of(order));
    }

    // then
    assertThat(shop.awaitTerminal(List.of(order))).containsExactly("COMPLETED");
    assertSagasHold(List.of(order));
  }

  @Test
  void should_complete_the_order_while_injected_when_the_provider_delay_is_within_the_gateway_timeout()
      throws Exception {
    try (FaultLedger ledger = FaultLedger.open(target)) {
      // given
      double approvedBefore = shop.metric("payment", "provider_calls_total", "outcome=\"approved\"");
      double failedBefore = failedCalls();
      ledger.inject(Faults.httpDelay(Duration.ofMillis(500)).on("provider"));

      // when
      long start = System.nanoTime();
      String order = place();

      // then: slower, but the first attempt answers within the 2 s timeout
      assertThat(shop.awaitTerminal(List.of(order))).containsExactly("COMPLETED");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
      assertThat(ledger.active()).hasSize(1);
      assertThat(shop.metric("payment", "provider_calls_total", "outcome=\"approved\"")).isGreaterThan(approvedBefore);
      assertThat(failedCalls()).isEqualTo(failedBefore);
    }
  }

  private static String place() throws Exception {
    return shop.place(SagaPath.SUCCESS.requestBody("c-proof-provider"));
  }

  private static double failedCalls() throws Exception {
    return shop.metric("payment", "provider_calls_total", "outcome=\"error\"")
        + shop.metric("payment", "provider_calls_total", "outcome=\"rejected\"");
  }

  private static void assertStillPending(List<String> orders) throws Exception {
    long end = System.nanoTime() + OBSERVE.toNanos();
    do {
      for (String order : orders) {
        assertThat(shop.status(order)).as("order %s while the provider fails", order).isEqualTo("PENDING");
      }
      Thread.sleep(250);
    } while (System.nanoTime() < end);
  }

  private static void assertSagasHold(List<String> orders) throws Exception {
    Verdict verdict = shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec())
        .withDeadline(Duration.ofMinutes(3)).withAccepted(orders));
    assertThat(verdict.anomalies()).as(verdict.toText()).isEmpty();
  }
}
