package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link TargetDescription} of a started environment. */
final class TargetDescriptions {

  private TargetDescriptions() {}

  /**
   * The description of the config's topology (or of bare infrastructure without one): each
   * service at its HTTP address, the topics with their fault topics, the opened links, and the
   * config's trace endpoint.
   *
   * @param proxyApiUrl the fault proxy's API URL; {@code null} when links are not faultable
   */
  static TargetDescription of(EmbeddedEnvironmentConfig config,
      Map<String, InetSocketAddress> httpAddresses, String kafkaBootstrapServers,
      List<TargetDescription.Link> links, String proxyApiUrl) {
    List<TargetDescription.Service> services = new ArrayList<>();
    httpAddresses.forEach((name, http) -> {
      String base = "http://" + Ports.hostPort(http);
      services.add(new TargetDescription.Service(name, base, base + "/health", base + "/metrics"));
    });
    Topology topology = config.topology();
    List<String> topics = topology == null ? List.of() : topology.topics().withFaultTopics();
    return new TargetDescription(topology == null ? "infrastructure" : topology.name(), false,
        config.workDir().toAbsolutePath().toString(), services,
        new TargetDescription.Kafka(kafkaBootstrapServers, topics), links, proxyApiUrl,
        config.traceEndpoint() == null ? null : config.traceEndpoint().toString());
  }
}
