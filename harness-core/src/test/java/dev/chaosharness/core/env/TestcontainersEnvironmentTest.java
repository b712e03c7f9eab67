package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.target.TargetDescription;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;
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
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * One Testcontainers environment (Kafka, PostgreSQL, Toxiproxy containers, two test services as
 * local processes) for the class, with the assertions of {@link EmbeddedEnvironmentTest}.
 * Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEnvironmentTest {

  @TempDir static Path workDir;
  private static final List<Component> announced = new CopyOnWriteArrayList<>();
  private static TestcontainersEnvironment env;

  @BeforeAll
  static void start() {
    env = TestcontainersEnvironment.start(EmbeddedEnvironmentConfig.builder()
        .topology(Topology.readResource("dev/chaosharness/core/env/test-topology.yaml"))
        .workDir(workDir)
        .traceEndpoint(URI.create("http://127.0.0.1:4318"))
        .onReady(announced::add)
        .build());
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void should_announce_every_component_in_start_order_when_started() {
    assertThat(announced).extracting(Component::name)
        .containsExactly("toxiproxy", "kafka", "postgres", "provider", "order");
    assertThat(env.components()).isEqualTo(announced);
  }

  @Test
  void should_route_every_dependency_of_service_through_its_toxiproxy_link() throws Exception {
    // given
    TargetDescription target = env.target();
    // when
    String vars = EmbeddedEnvironmentTest.get(target.service("order").baseUrl() + "/env");
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
    assertThat(target.link("order->kafka").orElseThrow().upstream()).isEqualTo("kafka:19092");
    assertThat(target.link("order->postgres").orElseThrow().upstream()).isEqualTo("postgres:5432");
    assertThat(target.link("order->provider").orElseThrow().upstream())
        .isEqualTo(target.service("provider").baseUrl().substring("http://".length()));
  }

  @Test
  void should_have_written_through_kafka_and_postgres_when_service_started() throws Exception {
    // given
    String dbLink = env.target().link("order->postgres").orElseThrow().listen();
    // when
    List<String> events = KafkaClients.consumeAll(
        env.target().kafka().bootstrapServers(), "test.events", 1, Duration.ofSeconds(20));
    // then
    assertThat(events).containsExactly("order started");
    try (Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://" + dbLink + "/order", "order", "order-pw");
        ResultSet rows = connection.createStatement().executeQuery("select service from started")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("order");
    }
  }

  @Test
  void should_fault_links_with_toxiproxy_client_when_target_names_proxy_api() throws Exception {
    // given
    URI api = URI.create(env.target().proxyApiUrl());
    ToxiproxyClient client = new ToxiproxyClient(api.getHost(), api.getPort());
    Proxy provider = client.getProxy("order->provider");
    String providerLink = env.target().link("order->provider").orElseThrow().listen();
    // when
    provider.disable();
    // then
    try {
      assertThatThrownBy(() -> EmbeddedEnvironmentTest.get("http://" + providerLink + "/health"))
          .isInstanceOf(java.io.IOException.class);
    } finally {
      provider.enable();
    }
    assertThat(EmbeddedEnvironmentTest.get("http://" + providerLink + "/health")).isEqualTo("UP");
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
    assertThat(target.proxyApiUrl()).startsWith("http://");
    assertThat(env.process("order")).isPresent();
    assertThat(env.process("kafka")).isEmpty();
  }
}
