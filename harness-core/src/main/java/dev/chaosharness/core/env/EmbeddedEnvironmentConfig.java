package dev.chaosharness.core.env;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run an {@link EmbeddedEnvironment}: the topology (or none, for Kafka and PostgreSQL
 * only), the work folder, the link router, tracing, per-service defect switches, and a listener
 * told about each component as it becomes ready.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class EmbeddedEnvironmentConfig {

  private final Topology topology;
  private final Path workDir;
  private final LinkRouter router;
  private final URI traceEndpoint;
  private final String proxyApiUrl;
  private final Map<String, String> defects;
  private final String serviceClasspath;
  private final Duration serviceStartTimeout;
  private final Consumer<Component> onReady;

  private EmbeddedEnvironmentConfig(Builder b) {
    this.topology = b.topology;
    this.workDir = (b.workDir != null ? b.workDir : Path.of("target", "harness", runId(b.clock)))
        .toAbsolutePath().normalize();
    this.router = b.router;
    this.traceEndpoint = b.traceEndpoint;
    this.proxyApiUrl = b.proxyApiUrl;
    this.defects = Map.copyOf(b.defects);
    this.serviceClasspath = b.serviceClasspath;
    this.serviceStartTimeout = b.serviceStartTimeout;
    this.onReady = b.onReady;
  }

  private static String runId(Clock clock) {
    return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
        .format(clock.instant()) + "-" + ProcessHandle.current().pid();
  }

  /** Starts a builder with the defaults: no topology, pass-through links, no tracing. */
  public static Builder builder() {
    return new Builder();
  }

  /** The topology, or {@code null} for infrastructure only. */
  public Topology topology() {
    return topology;
  }

  /** The work folder (default {@code target/harness/<run-id>}). */
  public Path workDir() {
    return workDir;
  }

  /** The link router, or {@code null} for a fresh {@link PassThroughLinkRouter}. */
  LinkRouter router() {
    return router;
  }

  /** The OTLP endpoint services export traces to, or {@code null}. */
  public URI traceEndpoint() {
    return traceEndpoint;
  }

  /** The fault proxy's API URL to put in the target description, or {@code null}. */
  public String proxyApiUrl() {
    return proxyApiUrl;
  }

  /** Defect switches per service name ({@code SAMPLE_DEFECTS}). */
  public Map<String, String> defects() {
    return defects;
  }

  /** The classpath services run with. */
  public String serviceClasspath() {
    return serviceClasspath;
  }

  /** How long each service may take to answer {@code /health} with 200. */
  public Duration serviceStartTimeout() {
    return serviceStartTimeout;
  }

  /** Called (on the starting thread) as each component becomes ready. */
  Consumer<Component> onReady() {
    return onReady;
  }

  /** Builds an {@link EmbeddedEnvironmentConfig}; validates each setting at once; not thread-safe. */
  public static final class Builder {
    private Topology topology;
    private Path workDir;
    private LinkRouter router;
    private URI traceEndpoint;
    private String proxyApiUrl;
    private final Map<String, String> defects = new LinkedHashMap<>();
    private String serviceClasspath = System.getProperty("java.class.path");
    private Duration serviceStartTimeout = Duration.ofSeconds(60);
    private Consumer<Component> onReady = component -> { };
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the system to start; without one only Kafka and PostgreSQL start. */
    public Builder topology(Topology topology) {
      this.topology = Objects.requireNonNull(topology, "topology");
      return this;
    }

    /** Sets the work folder for logs and data. */
    public Builder workDir(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
      return this;
    }

    /** Sets the link router (for example the fault proxy's); the environment closes it. */
    public Builder linkRouter(LinkRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** Sets the OTLP endpoint services send traces to. */
    public Builder traceEndpoint(URI endpoint) {
      this.traceEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Sets the fault proxy's API URL recorded in the target description. */
    public Builder proxyApiUrl(String url) {
      this.proxyApiUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Switches defects on for a service, for example {@code ("payment", "payment-no-refund")}. */
    public Builder defects(String service, String switches) {
      if (service == null || service.isBlank() || switches == null) {
        throw new IllegalArgumentException("defects need a service and switches, but were '"
            + service + "' and '" + switches + "'");
      }
      defects.put(service, switches);
      return this;
    }

    /** Sets the classpath services run with (default: the harness JVM's). */
    public Builder serviceClasspath(String classpath) {
      this.serviceClasspath = Objects.requireNonNull(classpath, "classpath");
      return this;
    }

    /** Sets how long each service may take to become healthy (default 60 s). */
    public Builder serviceStartTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("serviceStartTimeout must be > 0, but was " + timeout);
      }
      this.serviceStartTimeout = timeout;
      return this;
    }

    /** Sets a listener told about each component as it becomes ready. */
    public Builder onReady(Consumer<Component> listener) {
      this.onReady = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Sets the clock used to name the run folder. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the config. */
    public EmbeddedEnvironmentConfig build() {
      if (topology != null) {
        for (String service : defects.keySet()) {
          if (topology.services().stream().noneMatch(s -> s.name().equals(service))) {
            throw new IllegalArgumentException("defects name service '" + service
                + "', which is not in topology '" + topology.name() + "'");
          }
        }
      }
      return new EmbeddedEnvironmentConfig(this);
    }
  }
}
