package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.env.Topology;
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
    Topology topology = LocalEnvironment.sampleTopology(topologyFile);
    if (topology == null) {
      out.println("harness: note: no topology (" + LocalEnvironment.SAMPLE_TOPOLOGY + " is not on the classpath "
          + "and no --topology FILE was given): starting Kafka and PostgreSQL only");
    }
    LocalEnvironment local = LocalEnvironment.start(
        new LocalEnvironment.Options(topology, workDir, defects, otlpEndpoint, proxyPort, !noFaultProxy), out);
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      local.env().target().write(targetFile);
      out.printf("harness: target file %s%n", targetFile);
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
    if (readyThenExit) {
      local.close();
      out.printf("ready in %.1f s%n", seconds);
      return 0;
    }
    out.printf("harness: up in %.1f s; logs in %s; press Ctrl-C to stop%n", seconds,
        local.env().workDir().resolve("logs"));
    out.flush();
    awaitShutdown(local::close, out);
    return 0;
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
