package dev.chaosharness.core.fault;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP dependency faults against a real WireMock server and a real HTTP client. */
class HttpFaultTest {

  static HttpDependency provider;
  static FaultTarget target;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    provider = HttpDependency.start("provider");
    provider.stub("POST", "/charges.*", 200, "{\"status\":\"CHARGED\"}");
    target = FaultTarget.builder().httpDependency("provider", provider).build();
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void should_answer_the_error_status_while_injected_and_the_stub_after_revert() throws Exception {
    // given
    Fault fault = Faults.httpError(503).forUrls("/charges.*").on("provider");

    // when
    fault.inject(target);
    HttpResponse<String> during = charge();
    fault.revert();
    HttpResponse<String> after = charge();

    // then
    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("{\"status\":\"CHARGED\"}");
  }

  @Test
  void should_delay_responses_while_a_fixed_delay_is_injected() throws Exception {
    // given
    Fault fault = Faults.httpDelay(ofMillis(300)).on("provider");

    // when
    fault.inject(target);
    long start = System.nanoTime();
    HttpResponse<String> response = charge();
    long millis = (System.nanoTime() - start) / 1_000_000;
    fault.revert();

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(millis).isBetween(280L, 10_000L);
  }

  @Test
  void should_delay_within_the_range_when_a_random_delay_is_injected() throws Exception {
    // given
    Fault fault = Faults.httpRandomDelay(ofMillis(200), ofMillis(300)).on("provider");

    // when
    fault.inject(target);
    long start = System.nanoTime();
    charge();
    long millis = (System.nanoTime() - start) / 1_000_000;
    fault.revert();

    // then
    assertThat(millis).isBetween(190L, 10_000L);
  }

  @Test
  void should_fail_the_client_when_the_connection_is_reset() {
    // given
    Fault fault = Faults.connectionReset().on("provider");

    // when
    fault.inject(target);
    try {
      // then
      assertThatThrownBy(HttpFaultTest::charge).isInstanceOf(IOException.class);
    } finally {
      fault.revert();
    }
  }

  @Test
  void should_fail_the_client_when_the_response_is_malformed() {
    // given
    Fault fault = Faults.malformedResponse().forUrls("/charges/1").on("provider");

    // when
    fault.inject(target);
    try {
      // then
      assertThatThrownBy(HttpFaultTest::charge).isInstanceOf(IOException.class);
    } finally {
      fault.revert();
    }
  }

  @Test
  void should_name_the_known_dependencies_when_the_dependency_is_unknown() {
    assertThatThrownBy(() -> Faults.httpError(500).on("bank").inject(target))
        .isInstanceOf(FaultException.class)
        .hasMessage("HTTP dependency 'bank' is not part of the fault target; known: [provider]");
  }

  private static HttpResponse<String> charge() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/charges/1"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
