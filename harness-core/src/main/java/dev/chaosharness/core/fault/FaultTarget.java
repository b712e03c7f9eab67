package dev.chaosharness.core.fault;

import dev.chaosharness.core.env.ManagedProcess;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where faults act: the Toxiproxy API (ours or a real Toxiproxy) for network faults, the stubbed
 * HTTP dependencies and the managed processes, each by name, and the Kafka broker for faults on
 * consumer groups and topics.
 *
 * <pre>{@code
 * FaultTarget target = FaultTarget.builder()
 *     .toxiproxy(faultProxy.apiUrl())
 *     .httpDependency("provider", provider)
 *     .kafka(env.target().kafka().bootstrapServers())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FaultTarget {

  private final URI toxiproxy;
  private final String kafka;
  private final Duration lease;
  private final Map<String, HttpDependency> httpDependencies;
  private final Map<String, ProcessControl> processes;

  private FaultTarget(Builder builder) {
    this.toxiproxy = builder.toxiproxy;
    this.kafka = builder.kafka;
    this.lease = builder.lease;
    this.httpDependencies = Map.copyOf(builder.httpDependencies);
    this.processes = Map.copyOf(builder.processes);
  }

  /** Returns a builder with no Toxiproxy, no dependencies, no processes and a 60 s lease. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the lease put on every toxic and disabled link, renewed while the fault is injected. */
  public Duration lease() {
    return lease;
  }

  /** Returns the Toxiproxy API URL. */
  public URI toxiproxyUrl() {
    if (toxiproxy == null) {
      throw new FaultException("No Toxiproxy API configured for network faults; "
          + "set one with FaultTarget.builder().toxiproxy(faultProxy.apiUrl())");
    }
    return toxiproxy;
  }

  /** Returns the bootstrap servers of the target's Kafka, for faults on consumer groups and topics. */
  public String kafkaBootstrapServers() {
    if (kafka == null) {
      throw new FaultException("No Kafka bootstrap servers configured for Kafka faults; "
          + "set them with FaultTarget.builder().kafka(env.target().kafka().bootstrapServers())");
    }
    return kafka;
  }

  ToxiproxyClient toxiproxyClient() {
    URI url = toxiproxyUrl();
    return new ToxiproxyClient(url.getHost(), url.getPort());
  }

  HttpDependency httpDependency(String name) {
    HttpDependency dependency = httpDependencies.get(name);
    if (dependency == null) {
      throw new FaultException("HTTP dependency '" + name + "' is not part of the fault target; known: "
          + new TreeMap<>(httpDependencies).keySet());
    }
    return dependency;
  }

  ProcessControl process(String name) {
    ProcessControl process = processes.get(name);
    if (process == null) {
      throw new FaultException("Process '" + name + "' is not part of the fault target; known: "
          + new TreeMap<>(processes).keySet());
    }
    return process;
  }

  /** Builds a {@link FaultTarget}; not thread-safe. */
  public static final class Builder {

    private URI toxiproxy;
    private String kafka;
    private Duration lease = Duration.ofSeconds(60);
    private final Map<String, HttpDependency> httpDependencies = new TreeMap<>();
    private final Map<String, ProcessControl> processes = new TreeMap<>();

    private Builder() {}

    /** Sets the Toxiproxy API URL, for example {@code http://127.0.0.1:8474}. */
    public Builder toxiproxy(URI url) {
      Objects.requireNonNull(url, "url");
      if (url.getHost() == null || url.getPort() < 0) {
        throw new IllegalArgumentException("toxiproxy URL must have a host and a port, but was " + url);
      }
      this.toxiproxy = url;
      return this;
    }

    /**
     * Sets the bootstrap servers of the target's Kafka (a listener the harness reaches directly,
     * not through a faultable link), for {@code rewind-offsets} and {@code poison-event}.
     */
    public Builder kafka(String bootstrapServers) {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      if (bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("kafka bootstrap servers must not be blank, but was '"
            + bootstrapServers + "'");
      }
      this.kafka = bootstrapServers;
      return this;
    }

    /** Sets the lease on each toxic and disabled link (default 60 s): a crashed harness leaves no fault after it. */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.toMillis() < 100) {
        throw new IllegalArgumentException("lease must be at least 100 ms, but was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** Adds a stubbed HTTP dependency that HTTP faults can act on by name. */
    public Builder httpDependency(String name, HttpDependency dependency) {
      httpDependencies.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(dependency, "dependency"));
      return this;
    }

    /** Adds a supervised process of the environment under its own name. */
    public Builder process(ManagedProcess process) {
      Objects.requireNonNull(process, "process");
      return process(process.name(), ProcessControl.of(process));
    }

    /** Adds a process that process faults can act on by name. */
    public Builder process(String name, ProcessControl process) {
      processes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(process, "process"));
      return this;
    }

    /** Returns the target. */
    public FaultTarget build() {
      return new FaultTarget(this);
    }
  }
}
