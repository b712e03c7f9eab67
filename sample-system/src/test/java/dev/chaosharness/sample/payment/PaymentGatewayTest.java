package dev.chaosharness.sample.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.chaosharness.sample.kit.ServiceMetrics;
import dev.chaosharness.sample.kit.TransientFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentGatewayTest {

  private WireMockServer provider;
  private ServiceMetrics metrics;
  private PaymentGateway gateway;

  @BeforeEach
  void start() {
    provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    provider.start();
    metrics = new ServiceMetrics("payment");
    gateway = new PaymentGateway("http://127.0.0.1:" + provider.port(), Duration.ofMillis(500), metrics);
  }

  @AfterEach
  void stop() {
    provider.stop();
  }

  @Test
  void should_pass_the_order_id_as_idempotency_key_when_charging() throws Exception {
    // given
    provider.stubFor(post("/charges").willReturn(aResponse().withStatus(201)
        .withBody("{\"chargeId\":\"ch_1\",\"status\":\"APPROVED\"}")));

    // when
    PaymentGateway.Charge charge = gateway.charge("order-1", 1000, "4242424242424242");

    // then
    assertThat(charge).isEqualTo(new PaymentGateway.Charge(true, "ch_1", null));
    provider.verify(postRequestedFor(urlEqualTo("/charges"))
        .withHeader("Idempotency-Key", equalTo("order-1"))
        .withRequestBody(equalToJson("{\"amountCents\":1000,\"cardNumber\":\"4242424242424242\"}")));
    assertThat(metrics.counter("provider.calls", "outcome", "approved").count()).isEqualTo(1.0);
  }

  @Test
  void should_report_a_decline_when_the_provider_answers_402() throws Exception {
    // given
    provider.stubFor(post("/charges").willReturn(aResponse().withStatus(402)
        .withBody("{\"chargeId\":\"ch_2\",\"status\":\"DECLINED\",\"reason\":\"card_declined\"}")));

    // when
    PaymentGateway.Charge charge = gateway.charge("order-2", 1000, "4000000000000002");

    // then
    assertThat(charge.approved()).isFalse();
    assertThat(charge.reason()).isEqualTo("card_declined");
  }

  @Test
  void should_retry_with_the_same_key_when_the_provider_fails_then_recovers() throws Exception {
    // given
    provider.stubFor(post("/charges").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    provider.stubFor(post("/charges").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withBody("{\"chargeId\":\"ch_3\",\"status\":\"APPROVED\"}")));

    // when
    PaymentGateway.Charge charge = gateway.charge("order-3", 1000, "4242424242424242");

    // then
    assertThat(charge.approved()).isTrue();
    provider.verify(2, postRequestedFor(urlEqualTo("/charges")).withHeader("Idempotency-Key", equalTo("order-3")));
  }

  @Test
  void should_fail_transiently_after_three_attempts_when_the_provider_is_too_slow() {
    // given
    provider.stubFor(post("/charges").willReturn(aResponse().withStatus(201).withFixedDelay(1_500)));

    // when / then
    assertThatThrownBy(() -> gateway.charge("order-4", 1000, "4242424242424242"))
        .isInstanceOf(TransientFailure.class)
        .hasMessage("payment provider failed on charges after 3 attempts: no answer from http://127.0.0.1:"
            + provider.port() + "/charges: java.net.http.HttpTimeoutException: request timed out");
    provider.verify(3, postRequestedFor(urlEqualTo("/charges")));
  }

  @Test
  void should_open_the_circuit_and_stop_calling_when_the_provider_keeps_failing() {
    // given
    provider.stubFor(post("/charges").willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> gateway.charge("order-5", 1000, "4242424242424242"))
          .isInstanceOf(TransientFailure.class);
    }
    int callsWhenOpen = provider.getAllServeEvents().size();
    double rejectedBefore = metrics.counter("provider.calls", "outcome", "rejected").count();

    // when / then
    assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThatThrownBy(() -> gateway.charge("order-6", 1000, "4242424242424242"))
        .isInstanceOf(TransientFailure.class)
        .hasMessage("payment provider circuit is open; not calling charges");
    assertThat(provider.getAllServeEvents()).hasSize(callsWhenOpen);
    assertThat(metrics.counter("provider.calls", "outcome", "rejected").count()).isEqualTo(rejectedBefore + 1);
  }
}
