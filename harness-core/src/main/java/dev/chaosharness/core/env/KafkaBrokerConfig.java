package dev.chaosharness.core.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link KafkaBroker}: its work folder, heap, start timeout, and the names of the
 * faultable links ({@code <service>->kafka}) that each get their own proxied listener.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(Path)}.
 */
public final class KafkaBrokerConfig {

  private final Path workDir;
  private final List<String> links;
  private final String maxHeap;
  private final Duration startTimeout;

  private KafkaBrokerConfig(Builder builder) {
    this.workDir = builder.workDir.toAbsolutePath().normalize();
    this.links = List.copyOf(builder.links);
    this.maxHeap = builder.maxHeap;
    this.startTimeout = builder.startTimeout;
  }

  /** Starts a builder; the broker keeps config, data and log under {@code workDir}. */
  public static Builder builder(Path workDir) {
    return new Builder(workDir);
  }

  /** The run's work folder; the broker uses {@code <workDir>/kafka} and {@code <workDir>/logs}. */
  public Path workDir() {
    return workDir;
  }

  /** The faultable links to the broker, each with its own proxied listener. */
  public List<String> links() {
    return links;
  }

  /** The broker JVM's {@code -Xmx} value, for example {@code 512m}. */
  public String maxHeap() {
    return maxHeap;
  }

  /** How long the broker may take to become ready. */
  public Duration startTimeout() {
    return startTimeout;
  }

  /** Builds a {@link KafkaBrokerConfig}; validates each setting at once; not thread-safe. */
  public static final class Builder {
    private final Path workDir;
    private final List<String> links = new ArrayList<>();
    private String maxHeap = "512m";
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Adds a faultable link, for example {@code order->kafka}. */
    public Builder link(String name) {
      if (name == null || name.isBlank() || links.contains(name)) {
        throw new IllegalArgumentException(
            "link must be a new, non-blank name, but was '" + name + "'; known: " + links);
      }
      links.add(name);
      return this;
    }

    /** Sets the broker heap, for example {@code 512m}. */
    public Builder maxHeap(String maxHeap) {
      if (maxHeap == null || !maxHeap.matches("\\d+[mMgG]")) {
        throw new IllegalArgumentException(
            "maxHeap must look like 512m or 1g, but was '" + maxHeap + "'");
      }
      this.maxHeap = maxHeap;
      return this;
    }

    /** Sets how long the broker may take to become ready (default 60 s). */
    public Builder startTimeout(Duration startTimeout) {
      if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be > 0, but was " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /** Builds the config. */
    public KafkaBrokerConfig build() {
      return new KafkaBrokerConfig(this);
    }
  }
}
