package dev.chaosharness.core.history;

import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link HistoryObserver}: where the broker is, which topics to read, under which
 * consumer group, and from where.
 *
 * <p>Immutable and thread-safe.
 */
public final class ObserverConfig {

  /** Where the observer starts reading each partition. */
  public enum StartPosition {
    /** From the first retained record. */
    EARLIEST,
    /** From the end at start: only events published after the observer started. */
    LATEST
  }

  private final String bootstrapServers;
  private final List<String> topics;
  private final String groupId;
  private final StartPosition start;
  private final Duration drainTimeout;

  private ObserverConfig(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.topics = b.topics;
    this.groupId = b.groupId;
    this.start = b.start;
    this.drainTimeout = b.drainTimeout;
  }

  /** Returns a builder for the broker at {@code bootstrapServers} reading {@code topics}. */
  public static Builder builder(String bootstrapServers, List<String> topics) {
    return new Builder(bootstrapServers, topics);
  }

  /** Returns the bootstrap servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Returns the topics read. */
  public List<String> topics() {
    return topics;
  }

  /** Returns the observer's own consumer group. */
  public String groupId() {
    return groupId;
  }

  /** Returns where reading starts. */
  public StartPosition start() {
    return start;
  }

  /** Returns how long {@link HistoryObserver#stop()} may take to drain to the end offsets. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** Builds an {@link ObserverConfig}; each setter validates at once. Not thread-safe. */
  public static final class Builder {
    private final String bootstrapServers;
    private final List<String> topics;
    private String groupId = "chaos-harness-observer";
    private StartPosition start = StartPosition.EARLIEST;
    private Duration drainTimeout = Duration.ofSeconds(30);

    private Builder(String bootstrapServers, List<String> topics) {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("bootstrapServers must not be blank, but was '" + bootstrapServers + "'");
      }
      if (topics == null || topics.isEmpty()) {
        throw new IllegalArgumentException("topics must list at least one topic, but was " + topics);
      }
      this.bootstrapServers = bootstrapServers;
      this.topics = List.copyOf(topics);
    }

    /** Sets the consumer group (default {@code chaos-harness-observer}). */
    public Builder groupId(String groupId) {
      if (groupId == null || groupId.isBlank()) {
        throw new IllegalArgumentException("groupId must not be blank, but was '" + groupId + "'");
      }
      this.groupId = groupId;
      return this;
    }

    /** Sets where reading starts (default {@link StartPosition#EARLIEST}). */
    public Builder start(StartPosition start) {
      this.start = java.util.Objects.requireNonNull(start, "start must not be null");
      return this;
    }

    /** Sets the drain timeout, positive (default 30 s). */
    public Builder drainTimeout(Duration drainTimeout) {
      if (drainTimeout == null || drainTimeout.isNegative() || drainTimeout.isZero()) {
        throw new IllegalArgumentException("drainTimeout must be positive, but was " + drainTimeout);
      }
      this.drainTimeout = drainTimeout;
      return this;
    }

    /** Builds the configuration. */
    public ObserverConfig build() {
      return new ObserverConfig(this);
    }
  }
}
