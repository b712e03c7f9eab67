package dev.chaosharness.sample.kit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's configuration, read from environment variables as the sample-system contract says.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serviceName {@code SERVICE_NAME}
 * @param httpPort {@code HTTP_PORT}; 0 binds a free port
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}, empty when the service uses no Kafka
 * @param dbUrl {@code DB_URL}, empty when the service has no database
 * @param dbUser {@code DB_USER}
 * @param dbPassword {@code DB_PASSWORD}
 * @param providerUrl {@code PROVIDER_URL}, empty unless the service calls the provider
 * @param otlpEndpoint {@code OTEL_EXPORTER_OTLP_ENDPOINT}, empty when tracing export is off
 * @param defects {@code SAMPLE_DEFECTS}
 */
public record ServiceConfig(
    String serviceName,
    int httpPort,
    String kafkaBootstrapServers,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String providerUrl,
    String otlpEndpoint,
    Defects defects) {

  /** Validates every setting. */
  public ServiceConfig {
    Objects.requireNonNull(serviceName, "serviceName");
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("SERVICE_NAME must be set, but was empty");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("HTTP_PORT must be within [0, 65535], but was " + httpPort);
    }
    kafkaBootstrapServers = Objects.requireNonNullElse(kafkaBootstrapServers, "");
    dbUrl = Objects.requireNonNullElse(dbUrl, "");
    dbUser = Objects.requireNonNullElse(dbUser, "");
    dbPassword = Objects.requireNonNullElse(dbPassword, "");
    providerUrl = Objects.requireNonNullElse(providerUrl, "");
    otlpEndpoint = Objects.requireNonNullElse(otlpEndpoint, "");
    Objects.requireNonNull(defects, "defects");
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param env the environment, usually {@code System.getenv()}
   * @param defaultName the service name used when {@code SERVICE_NAME} is unset
   * @return the configuration
   * @throws IllegalArgumentException naming the variable when a value is malformed
   */
  public static ServiceConfig fromEnv(Map<String, String> env, String defaultName) {
    String port = env.getOrDefault("HTTP_PORT", "0");
    int httpPort;
    try {
      httpPort = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HTTP_PORT must be a number, but was '" + port + "'", e);
    }
    return new ServiceConfig(
        env.getOrDefault("SERVICE_NAME", defaultName),
        httpPort,
        env.get("KAFKA_BOOTSTRAP_SERVERS"),
        env.get("DB_URL"),
        env.get("DB_USER"),
        env.get("DB_PASSWORD"),
        env.get("PROVIDER_URL"),
        env.get("OTEL_EXPORTER_OTLP_ENDPOINT"),
        Defects.parse(env.getOrDefault("SAMPLE_DEFECTS", "")));
  }

  /**
   * Returns the tracing service name: {@code OTEL_SERVICE_NAME} when set, else the service name.
   *
   * @param env the environment
   * @return the name spans carry
   */
  public String traceServiceName(Map<String, String> env) {
    return Optional.ofNullable(env.get("OTEL_SERVICE_NAME")).filter(s -> !s.isBlank()).orElse(serviceName);
  }

  /**
   * Returns a copy with other defect switches.
   *
   * @param newDefects the switches
   * @return the copy
   */
  public ServiceConfig withDefects(Defects newDefects) {
    return new ServiceConfig(serviceName, httpPort, kafkaBootstrapServers, dbUrl, dbUser, dbPassword,
        providerUrl, otlpEndpoint, newDefects);
  }

  /**
   * Returns a copy that reaches Kafka elsewhere.
   *
   * @param bootstrapServers the new {@code KAFKA_BOOTSTRAP_SERVERS}
   * @return the copy
   */
  public ServiceConfig withKafka(String bootstrapServers) {
    return new ServiceConfig(serviceName, httpPort, bootstrapServers, dbUrl, dbUser, dbPassword, providerUrl,
        otlpEndpoint, defects);
  }

  /**
   * Returns a copy that exports spans elsewhere, or nowhere when blank.
   *
   * @param endpoint the new {@code OTEL_EXPORTER_OTLP_ENDPOINT}
   * @return the copy
   */
  public ServiceConfig withOtlpEndpoint(String endpoint) {
    return new ServiceConfig(serviceName, httpPort, kafkaBootstrapServers, dbUrl, dbUser, dbPassword, providerUrl,
        endpoint, defects);
  }
}
