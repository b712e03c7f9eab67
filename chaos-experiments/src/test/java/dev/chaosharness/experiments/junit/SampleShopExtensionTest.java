package dev.chaosharness.experiments.junit;

import static dev.chaosharness.core.junit.HarnessAssertions.assertThat;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.SagaSpec;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.junit.HarnessTest;
import dev.chaosharness.core.junit.HistoryRecorder;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.sample.smoke.SagaPath;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension as users write it: the real sample shop per class, a fault per test, a checked history. */
@HarnessTest(topology = "dev/chaosharness/sample/topology.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleShopExtensionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Order(1)
  void should_complete_every_saga_with_invariants_holding_when_the_provider_is_slow(
      Environment env, FaultLedger faults, HistoryRecorder history, Traffic traffic) throws Exception {
    // given
    assertThat(traffic).isInstanceOf(GatlingTraffic.class);
    faults.inject(Faults.latency(ofMillis(300)).on("payment->provider"));
    String orders = env.target().service("order").baseUrl() + "/orders";

    // when
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orderIds.add(place(orders, SagaPath.SUCCESS.requestBody("c-junit")));
    }
    for (String orderId : orderIds) {
      await("order " + orderId + " to complete").atMost(Duration.ofSeconds(90)).pollInterval(ofMillis(200))
          .until(() -> status(orders + "/" + orderId), "COMPLETED"::equals);
    }
    Verdict verdict = SagaChecker.of(sampleSpec()).withAccepted(orderIds).check(history.stop());

    // then
    assertThat(verdict).invariantsHold();
    assertThat(verdict.sagas()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void should_find_no_toxic_left_when_the_previous_test_injected_one(FaultProxy proxy) throws Exception {
    // when
    List<String> toxics = new ArrayList<>();
    for (Proxy link : new ToxiproxyClient(proxy.apiUrl().getHost(), proxy.apiUrl().getPort()).getProxies()) {
      link.toxics().getAll().forEach(t -> toxics.add(link.getName() + "/" + t.getName()));
    }

    // then
    assertThat(toxics).isEmpty();
  }

  private String place(String url, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("orderId").asText();
  }

  private String status(String url) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("status").asText();
  }

  private static SagaSpec sampleSpec() throws Exception {
    try (InputStream in = SampleShopExtensionTest.class.getResourceAsStream("/dev/chaosharness/core/check/sample-saga.yaml")) {
      return SagaSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample-saga.yaml");
    }
  }
}
