package dev.chaosharness.core.proxy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link FaultProxy} starts: API host and port, seed, and data-plane threads.
 *
 * <pre>{@code
 * FaultProxyConfig config = FaultProxyConfig.builder().port(8474).seed(42).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class FaultProxyConfig {

  private final String host;
  private final int port;
  private final OptionalLong seed;
  private final int ioThreads;
  private final boolean nativeTransport;
  private final long busyPollMicros;

  private FaultProxyConfig(Builder builder) {
    this.busyPollMicros = builder.busyPollMicros;
    this.nativeTransport = builder.nativeTransport;
    this.host = builder.host;
    this.port = builder.port;
    this.seed = builder.seed;
    this.ioThreads = builder.ioThreads;
  }

  /** Returns the defaults: API on 127.0.0.1, a free port, a random seed, two I/O threads. */
  public static FaultProxyConfig ofDefaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the host the API binds to; new proxies without {@code listen} bind there too. */
  public String host() {
    return host;
  }

  /** Returns the API port; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Returns the seed for jitter, slicing and toxicity rolls, if one was set. */
  public OptionalLong seed() {
    return seed;
  }

  /** Returns the number of data-plane event-loop threads. */
  public int ioThreads() {
    return ioThreads;
  }

  /** Returns whether the native epoll transport is used where available (default true). */
  public boolean nativeTransport() {
    return nativeTransport;
  }

  /**
   * Returns how long an idle data-plane thread polls for data before it sleeps, in microseconds
   * (default 0: it sleeps at once). See {@link Builder#busyPollMicros(long)}.
   */
  public long busyPollMicros() {
    return busyPollMicros;
  }

  /** Builds a {@link FaultProxyConfig}; each setter validates at once and echoes a bad value. */
  public static final class Builder {

    private String host = "127.0.0.1";
    private int port;
    private OptionalLong seed = OptionalLong.empty();
    private int ioThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private boolean nativeTransport = true;
    private long busyPollMicros;

    private Builder() {}

    /**
     * Lets each data-plane thread poll for up to this many microseconds before it sleeps (default
     * 0, off). A request/response that comes back within the window skips a thread wake-up, which
     * cuts the added round-trip latency on a busy machine, at the price of a core kept busy while
     * traffic flows; toxic timers may fire up to the window late. For latency benchmarks on
     * machines with cores to spare.
     */
    public Builder busyPollMicros(long busyPollMicros) {
      if (busyPollMicros < 0 || busyPollMicros > 10_000) {
        throw new IllegalArgumentException("busyPollMicros must be within [0, 10000], but was " + busyPollMicros);
      }
      this.busyPollMicros = busyPollMicros;
      return this;
    }

    /** Uses native epoll where available (default true); false forces Java NIO. */
    public Builder nativeTransport(boolean nativeTransport) {
      this.nativeTransport = nativeTransport;
      return this;
    }

    /** Sets the host the API binds to (default 127.0.0.1). */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank, but was '" + host + "'");
      }
      this.host = host;
      return this;
    }

    /** Sets the API port (default 0, a free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within [0, 65535], but was " + port);
      }
      this.port = port;
      return this;
    }

    /** Makes jitter, slice sizes and toxicity rolls reproducible for the same connection order. */
    public Builder seed(long seed) {
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /** Sets the number of data-plane threads (default: processors, between 2 and 4). */
    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 1 || ioThreads > 64) {
        throw new IllegalArgumentException("ioThreads must be within [1, 64], but was " + ioThreads);
      }
      this.ioThreads = ioThreads;
      return this;
    }

    /** Returns the configuration. */
    public FaultProxyConfig build() {
      return new FaultProxyConfig(this);
    }
  }
}
