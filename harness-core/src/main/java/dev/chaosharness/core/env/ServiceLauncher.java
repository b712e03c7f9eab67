package dev.chaosharness.core.env;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds a service's process: its environment variables (the contract in
 * {@code docs/sample-system.md}) with every faultable link opened on the router.
 */
final class ServiceLauncher {

  private final EmbeddedEnvironmentConfig config;
  private final LinkRouter router;
  private final UnaryOperator<String> kafkaBootstrap;
  private final Map<String, PostgresServer.Database> databases;
  private final Map<String, InetSocketAddress> httpAddresses;

  /**
   * Creates the launcher; {@code kafkaBootstrap} maps a Kafka link name ({@code order->kafka})
   * to the bootstrap servers a service uses through that link.
   */
  ServiceLauncher(EmbeddedEnvironmentConfig config, LinkRouter router,
      UnaryOperator<String> kafkaBootstrap, Map<String, PostgresServer.Database> databases,
      Map<String, InetSocketAddress> http) {
    this.config = config;
    this.router = router;
    this.kafkaBootstrap = kafkaBootstrap;
    this.databases = databases;
    this.httpAddresses = http;
  }

  /** The spec of {@code service}, whose dependencies' HTTP addresses are known already. */
  ProcessSpec spec(Topology.ServiceDef service, InetSocketAddress http) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVICE_NAME", service.name());
    env.put("HTTP_PORT", Integer.toString(http.getPort()));
    if (service.kafka()) {
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap.apply(service.name() + "->kafka"));
    }
    if (service.database()) {
      PostgresServer.Database database = databases.get(service.name());
      InetSocketAddress link = router.open(service.name() + "->postgres", database.address());
      env.put("DB_URL", database.jdbcUrl(link));
      env.put("DB_USER", database.user());
      env.put("DB_PASSWORD", database.password());
    }
    service.dependencies().forEach((alias, target) -> {
      InetSocketAddress link = router.open(service.name() + "->" + alias, httpAddresses.get(target));
      env.put(alias.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL",
          "http://" + Ports.hostPort(link));
    });
    if (config.traceEndpoint() != null) {
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", config.traceEndpoint().toString());
      env.put("OTEL_SERVICE_NAME", service.name());
    }
    String defects = config.defects().get(service.name());
    if (defects != null) {
      env.put("SAMPLE_DEFECTS", defects);
    }
    return ProcessSpec.javaMain(service.name(), service.main(), config.workDir())
        .classpath(config.serviceClasspath())
        .env(env)
        .stopGrace(java.time.Duration.ofSeconds(5))
        .readiness(ReadinessProbe.httpOk(healthUrl(http)))
        .build();
  }

  static URI healthUrl(InetSocketAddress http) {
    return URI.create("http://" + Ports.hostPort(http) + "/health");
  }
}
