package dev.chaosharness.sample.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.ManagedProcess;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.smoke.SagaPath;
import dev.chaosharness.sample.smoke.SmokeReport;
import dev.chaosharness.sample.smoke.SmokeRun;
import dev.chaosharness.sample.smoke.SmokeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop as the harness runs it: the shipped topology on the embedded environment, one OS process per service. */
class EmbeddedShopTest {

  @TempDir static Path workDir;
  private static EmbeddedEnvironment env;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    env = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/sample/topology.yaml"))
        .workDir(workDir)
        .build());
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void should_end_every_saga_path_as_its_inputs_explain_when_started_from_the_shipped_topology() throws Exception {
    // given
    SmokeSettings settings = new SmokeSettings(URI.create(env.target().service("order").baseUrl()),
        env.target().kafka().bootstrapServers(), 40, 40, 11, "embedded", Duration.ofSeconds(60));

    // when
    SmokeReport report = SmokeRun.run(settings, line -> { });

    // then
    assertThat(report.ok()).as(report.toJson()).isTrue();
    assertThat(report.completed()).isPositive();
    assertThat(report.failed()).isPositive();
  }

  @Test
  void should_resume_the_saga_when_the_payment_process_is_killed_and_restarted() throws Exception {
    // given
    ManagedProcess payment = env.process("payment").orElseThrow();
    payment.kill();
    String orderId = place(SagaPath.SUCCESS.requestBody("c-embedded"));

    // when
    payment.restart();
    payment.awaitReady(Duration.ofSeconds(60));

    // then
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
        EventCodec.JSON.readTree(get(env.target().service("order").baseUrl() + "/orders/" + orderId))
            .path("status").asText(), "COMPLETED"::equals);
    assertThat(EventCodec.JSON.readTree(get(env.target().service("bff").baseUrl() + "/mobile/orders/" + orderId))
        .path("status").asText()).isIn("PENDING", "COMPLETED");
  }

  private static String place(String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(env.target().service("order").baseUrl() + "/orders"))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return EventCodec.JSON.readTree(response.body()).path("orderId").asText();
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
