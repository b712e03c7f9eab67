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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness up}: starts the embedded environment (Kafka, PostgreSQL and the topology's
 * services) with every link on the fault proxy (Toxiproxy-compatible API, so links can be
 * faulted by name), prints each component as it becomes ready, writes the target file, and
 * stays up until Ctrl-C; {@code --ready-then-exit} stops right after and prints
 * {@code ready in N.N s}.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
        "Starts Kafka, PostgreSQL and the system's services on this machine, writes the target "
            + "file, and stays up until Ctrl-C.",
        "The topology is the sample shop's when it is on the classpath, else --topology FILE; "
            + "without either only Kafka and PostgreSQL start."})
final class UpCommand implements Callable<Integer> {

  static final String SAMPLE_TOPOLOGY = "dev/chaosharness/sample/topology.yaml";

  @Spec CommandSpec spec;

  @Option(names = "--topology", paramLabel = "FILE",
      description = "Topology YAML (services, topics); default: the sample shop's.")
  Path topologyFile;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Folder for logs and data; default: target/harness/<run-id>.")
  Path workDir;

  @Option(names = "--target-file", paramLabel = "FILE", defaultValue = "target/harness/target.yaml",
      description = "Where to write the target description; default: ${DEFAULT-VALUE}.")
  Path targetFile;

  @Option(names = "--defects", paramLabel = "SERVICE=SWITCHES",
      description = "Defect switches for a service, e.g. payment=payment-no-refund (repeatable).")
  Map<String, String> defects = new LinkedHashMap<>();

  @Option(names = "--otlp-endpoint", paramLabel = "URL",
      description = "OTLP endpoint the services send traces to; default: tracing off.")
  URI otlpEndpoint;

  @Option(names = "--proxy-port", paramLabel = "PORT", defaultValue = "0",
      description = "Port of the fault proxy's Toxiproxy-compatible API; 0 picks a free one.")
  int proxyPort;

  @Option(names = "--no-fault-proxy",
      description = "Route links through plain pass-through forwarders (no fault API).")
  boolean noFaultProxy;

  @Option(names = "--ready-then-exit",
      description = "Stop as soon as everything is ready; the last line is 'ready in N.N s'.")
  boolean readyThenExit;

  @Override
  public Integer call() throws InterruptedException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    Topology topology = topology(out);
    FaultProxy proxy = noFaultProxy ? null : startProxy();
    EmbeddedEnvironment env;
    try {
      EmbeddedEnvironmentConfig config = config(topology, proxy, out);
      out.printf("harness: starting %s in %s%n",
          topology == null ? "Kafka and PostgreSQL" : "'" + topology.name() + "'",
          config.workDir());
      if (proxy != null) {
        out.printf("  ready  %-18s %-28s %5.1f s%n", "fault-proxy", proxy.apiUrl(),
            (System.nanoTime() - start) / 1e9);
      }
      out.flush();
      env = EmbeddedEnvironment.start(config);
    } catch (RuntimeException e) {
      closeQuietly(proxy);
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      env.target().write(targetFile);
      out.printf("harness: target file %s%n", targetFile);
    } catch (RuntimeException e) {
      stop(env, proxy);
      throw e;
    }
    if (readyThenExit) {
      stop(env, proxy);
      out.printf("ready in %.1f s%n", seconds);
      return 0;
    }
    out.printf("harness: up in %.1f s; logs in %s; press Ctrl-C to stop%n", seconds,
        env.workDir().resolve("logs"));
    out.flush();
    awaitShutdown(() -> stop(env, proxy), out);
    return 0;
  }

  private FaultProxy startProxy() {
    try {
      return FaultProxy.start(FaultProxyConfig.builder().port(proxyPort).build());
    } catch (IllegalStateException e) {
      String reason = String.valueOf(e.getMessage()).replaceFirst(";.*$", "");
      UserError error = new UserError("--proxy-port " + proxyPort + ": " + reason
          + "; choose another port (0 picks a free one)");
      error.addSuppressed(e);
      throw error;
    }
  }

  private static void stop(EmbeddedEnvironment env, FaultProxy proxy) {
    env.close(); // services, links (the proxy's proxies), Kafka, PostgreSQL
    closeQuietly(proxy);
  }

  private static void closeQuietly(FaultProxy proxy) {
    if (proxy != null) {
      proxy.close();
    }
  }

  private Topology topology(PrintWriter out) {
    try {
      if (topologyFile != null) {
        return Topology.read(topologyFile);
      }
      Topology sample = Topology.readResource(SAMPLE_TOPOLOGY);
      if (sample == null) {
        out.println("harness: note: no topology (" + SAMPLE_TOPOLOGY + " is not on the classpath "
            + "and no --topology FILE was given): starting Kafka and PostgreSQL only");
      }
      return sample;
    } catch (InvalidFileException e) {
      throw oneLine(e);
    }
  }

  private EmbeddedEnvironmentConfig config(Topology topology, FaultProxy proxy, PrintWriter out) {
    try {
      EmbeddedEnvironmentConfig.Builder builder = EmbeddedEnvironmentConfig.builder()
          .onReady(component -> print(out, component));
      if (proxy != null) {
        builder.linkRouter(FaultProxyLinkRouter.of(proxy)).proxyApiUrl(proxy.apiUrl().toString());
      }
      if (topology != null) {
        builder.topology(topology);
      }
      if (workDir != null) {
        builder.workDir(workDir);
      }
      if (otlpEndpoint != null) {
        builder.traceEndpoint(otlpEndpoint);
      }
      defects.forEach(builder::defects);
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

  private static void awaitShutdown(Runnable stop, PrintWriter out)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println();
      out.println("harness: stopping ...");
      out.flush();
      stop.run();
      out.println("harness: stopped");
      out.flush();
      stopped.countDown();
    }, "harness-up-shutdown"));
    stopped.await();
  }
}
