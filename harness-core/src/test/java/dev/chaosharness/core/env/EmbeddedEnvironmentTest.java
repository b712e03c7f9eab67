package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.target.TargetDescription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real embedded environment (Kafka, PostgreSQL, two test services) for the class. */
class EmbeddedEnvironmentTest {

  @TempDir static Path workDir;
  private static final List<Component> announced = new CopyOnWriteArrayList<>();
  private static EmbeddedEnvironment env;

  @BeforeAll
  static void start() {
    env = EmbeddedEnvironment.start(EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/core/env/test-topology.yaml"))
        .workDir(workDir)
        .traceEndpoint(URI.create("http://127.0.0.1:4318"))
        .onReady(announced::add)
        .build());
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void should_announce_every_component_in_start_order_when_started() {
    assertThat(announced).extracting(Component::name)
        .containsExactlyInAnyOrder("kafka", "postgres", "provider", "order")
        .endsWith("provider", "order");
    assertThat(env.components()).isEqualTo(announced);
  }

  @Test
  void should_route_every_dependency_of_service_through_its_link() throws Exception {
    // given
    TargetDescription target = env.target();
    // when
    String vars = get(target.service("order").baseUrl() + "/env");
    // then
    assertThat(target.links()).extracting(TargetDescription.Link::name)
        .containsExactly("order->kafka", "order->postgres", "order->provider");
    String kafkaLink = target.link("order->kafka").orElseThrow().listen();
    String dbLink = target.link("order->postgres").orElseThrow().listen();
    String providerLink = target.link("order->provider").orElseThrow().listen();
    assertThat(vars).contains("SERVICE_NAME=order\n", "KAFKA_BOOTSTRAP_SERVERS=" + kafkaLink + "\n",
        "DB_URL=jdbc:postgresql://" + dbLink + "/order\n", "DB_USER=order\n",
        "PROVIDER_URL=http://" + providerLink + "\n",
        "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318\n", "OTEL_SERVICE_NAME=order\n")
        .doesNotContain("SAMPLE_DEFECTS");
    assertThat(target.link("order->provider").orElseThrow().upstream())
        .isEqualTo(target.service("provider").baseUrl().substring("http://".length()));
  }

  @Test
  void should_have_written_through_kafka_and_postgres_when_service_started() throws Exception {
    // given
    PostgresServer.Database order = new PostgresServer.Database(
        "order", "order", "order-pw", env.postgres().address());
    // when
    List<String> events = KafkaClients.consumeAll(
        env.target().kafka().bootstrapServers(), "test.events", 1, Duration.ofSeconds(20));
    // then
    assertThat(events).containsExactly("order started");
    assertThat(env.kafka().topics()).contains("test.events", "test.events.faults");
    try (Connection connection = DriverManager.getConnection(order.jdbcUrl(), "order", "order-pw");
        ResultSet rows = connection.createStatement().executeQuery("select service from started")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("order");
    }
  }

  @Test
  void should_describe_target_with_service_endpoints_when_started() {
    TargetDescription target = env.target();
    assertThat(target.name()).isEqualTo("test-shop");
    assertThat(target.production()).isFalse();
    assertThat(target.workDir()).isEqualTo(workDir.toAbsolutePath().toString());
    assertThat(target.kafka().topics()).containsExactly("test.events", "test.events.faults");
    assertThat(target.services()).extracting(TargetDescription.Service::name)
        .containsExactly("provider", "order");
    assertThat(target.service("order").metricsUrl())
        .isEqualTo(target.service("order").baseUrl() + "/metrics");
    assertThat(env.process("order")).isPresent();
    assertThat(env.process("kafka")).isPresent();
  }

  static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
