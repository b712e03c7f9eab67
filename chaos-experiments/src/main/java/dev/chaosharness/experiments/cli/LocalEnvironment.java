package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import dev.chaosharness.core.target.InvalidFileException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded environment a command starts for itself: the fault proxy (unless switched off),
 * then Kafka, PostgreSQL and the topology's services, each printed as it becomes ready.
 * {@link #close()} stops the services, the broker, the database and then the proxy.
 *
 * <p>Not thread-safe; one command owns it.
 */
final class LocalEnvironment implements AutoCloseable {

  /** The classpath resource of the sample shop's topology. */
  static final String SAMPLE_TOPOLOGY = "dev/chaosharness/sample/topology.yaml";

  /**
   * What to start.
   *
   * @param topology the services and topics; null starts Kafka and PostgreSQL only
   * @param workDir the folder for logs and data; null picks {@code target/harness/<run-id>}
   * @param defects defect switches by service
   * @param otlpEndpoint where services send traces; null keeps tracing off
   * @param proxyPort the fault proxy's API port, 0 for a free one
   * @param faultProxy whether links go through the fault proxy (else plain pass-through forwarders)
   */
  record Options(Topology topology, Path workDir, Map<String, String> defects, URI otlpEndpoint, int proxyPort,
      boolean faultProxy) {

    /** The sample shop with its links on a fault proxy on a free port, logs under {@code target/harness}. */
    static Options sampleShop(Map<String, String> defects) {
      return new Options(sampleTopology(null), null, defects, null, 0, true);
    }
  }

  private final EmbeddedEnvironment env;
  private final FaultProxy proxy;

  private LocalEnvironment(EmbeddedEnvironment env, FaultProxy proxy) {
    this.env = env;
    this.proxy = proxy;
  }

  /** Starts everything {@code options} asks for, printing one line per ready component to {@code out}. */
  static LocalEnvironment start(Options options, PrintWriter out) {
    long start = System.nanoTime();
    FaultProxy proxy = options.faultProxy() ? startProxy(options.proxyPort()) : null;
    try {
      EmbeddedEnvironmentConfig config = config(options, proxy, out);
      out.printf("harness: starting %s in %s%n",
          options.topology() == null ? "Kafka and PostgreSQL" : "'" + options.topology().name() + "'",
          config.workDir());
      if (proxy != null) {
        out.printf("  ready  %-18s %-28s %5.1f s%n", "fault-proxy", proxy.apiUrl(), (System.nanoTime() - start) / 1e9);
      }
      out.flush();
      return new LocalEnvironment(EmbeddedEnvironment.start(config), proxy);
    } catch (RuntimeException e) {
      closeQuietly(proxy);
      throw e;
    }
  }

  /**
   * Reads the topology {@code file}, or the sample shop's from the classpath when {@code file} is
   * null; returns null (Kafka and PostgreSQL only) when neither exists.
   *
   * @throws UserError when the file is malformed, with its file:line:field message
   */
  static Topology sampleTopology(Path file) {
    try {
      return file != null ? Topology.read(file) : Topology.readResource(SAMPLE_TOPOLOGY);
    } catch (InvalidFileException e) {
      throw oneLine(e);
    }
  }

  /** The running environment. */
  EmbeddedEnvironment env() {
    return env;
  }

  /** Stops the environment, then the fault proxy; idempotent. */
  @Override
  public void close() {
    try {
      env.close(); // services, links (the proxy's proxies), Kafka, PostgreSQL
    } finally {
      closeQuietly(proxy);
    }
  }

  private static FaultProxy startProxy(int port) {
    try {
      return FaultProxy.start(FaultProxyConfig.builder().port(port).build());
    } catch (IllegalStateException e) {
      String reason = String.valueOf(e.getMessage()).replaceFirst(";.*$", "");
      UserError error = new UserError("--proxy-port " + port + ": " + reason
          + "; choose another port (0 picks a free one)");
      error.addSuppressed(e);
      throw error;
    }
  }

  private static void closeQuietly(FaultProxy proxy) {
    if (proxy != null) {
      proxy.close();
    }
  }

  private static EmbeddedEnvironmentConfig config(Options options, FaultProxy proxy, PrintWriter out) {
    try {
      EmbeddedEnvironmentConfig.Builder builder = EmbeddedEnvironmentConfig.builder()
          .onReady(component -> print(out, component));
      if (proxy != null) {
        builder.linkRouter(FaultProxyLinkRouter.of(proxy)).proxyApiUrl(proxy.apiUrl().toString());
      }
      if (options.topology() != null) {
        builder.topology(options.topology());
      }
      if (options.workDir() != null) {
        builder.workDir(options.workDir());
      }
      if (options.otlpEndpoint() != null) {
        builder.traceEndpoint(options.otlpEndpoint());
      }
      options.defects().forEach(builder::defects);
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw oneLine(new IllegalArgumentException("bad option: " + e.getMessage(), e));
    }
  }

  /**
   * The error shown as one line: the parser's own messages stay out of the line but in the
   * stack trace ({@code HARNESS_DEBUG=1}) as a suppressed exception.
   */
  private static UserError oneLine(RuntimeException e) {
    UserError error = new UserError(e.getMessage());
    error.addSuppressed(e);
    return error;
  }

  private static void print(PrintWriter out, Component component) {
    synchronized (out) {
      out.printf("  ready  %-18s %-28s %5.1f s%n", component.name(), component.address(),
          component.readyAfter().toMillis() / 1000.0);
      out.flush();
    }
  }
}
