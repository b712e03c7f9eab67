package dev.chaosharness.core.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the harness may observe and fault in a running system: service HTTP endpoints, the
 * Kafka bootstrap servers and topics, the faultable links, and the fault proxy's API.
 *
 * <pre>{@code
 * TargetDescription target = TargetDescription.read(Path.of("target/harness/target.yaml"));
 * String order = target.service("order").baseUrl();
 * }</pre>
 *
 * <p>Written by an environment as {@code target.yaml} (see {@code docs/target-file.md}), read by
 * traffic, synthetics and game days. {@code production} marks a real system: traffic must be
 * marked synthetic and destructive faults refused. Immutable and thread-safe.
 *
 * @param name the system's name, for example {@code sample-shop}
 * @param production whether this is a production system (required: never assumed)
 * @param workDir the run's work folder (logs, data), or {@code null} for external systems
 * @param services each service's HTTP endpoints
 * @param kafka the broker and topics, or {@code null} when the system has no Kafka
 * @param links the faultable links
 * @param proxyApiUrl the fault proxy's API (Toxiproxy-compatible), or {@code null}
 * @param otlpEndpoint where services send traces, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetDescription(
    String name,
    Boolean production,
    String workDir,
    List<Service> services,
    Kafka kafka,
    List<Link> links,
    String proxyApiUrl,
    String otlpEndpoint) {

  /** Validates the description. */
  public TargetDescription {
    Checks.notBlank("name", name);
    if (production == null) {
      throw new IllegalArgumentException(
          "production must be true or false, but was missing (say which kind of system this is)");
    }
    services = services == null ? List.of() : List.copyOf(services);
    links = links == null ? List.of() : List.copyOf(links);
    Checks.unique("services", services.stream().map(Service::name).toList());
    Checks.unique("links", links.stream().map(Link::name).toList());
    if (proxyApiUrl != null) {
      Checks.url("proxyApiUrl", proxyApiUrl);
    }
  }

  /**
   * A service's endpoints.
   *
   * @param name the service name
   * @param baseUrl its HTTP base URL, for example {@code http://127.0.0.1:8081}
   * @param healthUrl its health endpoint ({@code GET} answers 200 when ready)
   * @param metricsUrl its Prometheus metrics endpoint, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Service(String name, String baseUrl, String healthUrl, String metricsUrl) {

    /** Validates the service. */
    public Service {
      Checks.notBlank("name", name);
      Checks.url("baseUrl", baseUrl);
      if (healthUrl != null) {
        Checks.url("healthUrl", healthUrl);
      }
      if (metricsUrl != null) {
        Checks.url("metricsUrl", metricsUrl);
      }
    }
  }

  /**
   * The Kafka cluster as the harness reaches it directly (not through a link).
   *
   * @param bootstrapServers {@code host:port[,host:port...]}
   * @param topics the system's topics
   */
  public record Kafka(String bootstrapServers, List<String> topics) {

    /** Validates the cluster. */
    public Kafka {
      Checks.hostPorts("bootstrapServers", bootstrapServers);
      topics = topics == null ? List.of() : List.copyOf(topics);
    }
  }

  /**
   * A faultable link: clients connect to {@code listen}, the proxy forwards to
   * {@code upstream}; faults address it by {@code name} (the proxy's name for it).
   *
   * @param name for example {@code payment->provider}
   * @param listen {@code host:port} clients connect to
   * @param upstream {@code host:port} the link forwards to
   */
  public record Link(String name, String listen, String upstream) {

    /** Validates the link. */
    public Link {
      Checks.notBlank("name", name);
      Checks.hostPorts("listen", listen);
      Checks.hostPorts("upstream", upstream);
    }
  }

  /** The service named {@code name}. */
  public Service service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Service '" + name
            + "' is not in target '" + this.name + "'; known services: "
            + services.stream().map(Service::name).toList()));
  }

  /** The link named {@code name}, if any. */
  public Optional<Link> link(String name) {
    return links.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Reads a target file; bad content raises {@link InvalidFileException} (file, line, field). */
  public static TargetDescription read(Path file) {
    return YamlInput.read(file, TargetDescription.class);
  }

  /** Writes this description to {@code file} as YAML. */
  public void write(Path file) {
    YamlInput.write(file, this);
  }
}
