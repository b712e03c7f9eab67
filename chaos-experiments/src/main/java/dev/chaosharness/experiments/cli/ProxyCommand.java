package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness proxy}: runs the Toxiproxy-compatible fault proxy standalone until Ctrl-C.
 *
 * <pre>{@code
 * harness proxy --port 8474 --seed 42
 * }</pre>
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the fault proxy: a Toxiproxy-compatible HTTP API and TCP proxies, until Ctrl-C.",
      "Any Toxiproxy client (toxiproxy-cli, toxiproxy-java, ...) drives it unchanged."
    })
final class ProxyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--host", description = "Address the API binds to (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 8474;

  @Option(names = "--seed", description = "Seed for jitter, slicing and toxicity rolls (default: random).")
  Long seed;

  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    FaultProxyConfig config = config();
    FaultProxy proxy;
    try {
      proxy = FaultProxy.start(config);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    Thread hook = new Thread(() -> {
      proxy.close();
      stop.countDown();
    }, "harness-proxy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine().getOut().printf("Fault proxy API on %s (seed %d); Ctrl-C stops it.%n", proxy.apiUrl(), proxy.seed());
    spec.commandLine().getOut().flush();
    try {
      stop.await();
    } finally {
      proxy.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running
      }
    }
    return 0;
  }

  private FaultProxyConfig config() {
    try {
      FaultProxyConfig.Builder builder = FaultProxyConfig.builder().host(host).port(port);
      if (seed != null) {
        builder.seed(seed);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UserError("harness proxy: " + e.getMessage(), e);
    }
  }
}
