package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.PrintWriter;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness bench proxy}: the fault proxy against a direct loopback connection in the same
 * run: bulk throughput, added round-trip latency, the accuracy of a 100 ms latency toxic, and
 * 1,000 concurrent connections with the heap each idle one costs. Exit 1 when a goal is missed.
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the fault proxy against direct loopback connections measured in the same run.")
final class ProxyBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--megabytes", description = "Megabytes streamed per throughput run (default: ${DEFAULT-VALUE}).")
  int megabytes = 1024;

  @Option(names = "--round-trips", description = "Recorded 1 KB round trips per latency run (default: ${DEFAULT-VALUE}).")
  int roundTrips = 20_000;

  @Option(names = "--connections", description = "Concurrent connections opened through one proxy (default: ${DEFAULT-VALUE}).")
  int connections = 1000;

  @Option(names = "--busy-poll-us", description = "Microseconds each proxy data-plane thread polls before sleeping (default: ${DEFAULT-VALUE}, off).")
  long busyPollMicros;

  private PrintWriter out;
  private final List<String> missed = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (megabytes < 1 || roundTrips < 100 || connections < 1 || busyPollMicros < 0 || busyPollMicros > 10_000) {
      throw new UserError("--megabytes must be >= 1, --round-trips >= 100, --connections >= 1 and --busy-poll-us within [0, 10000], but were "
          + megabytes + ", " + roundTrips + ", " + connections + ", " + busyPollMicros);
    }
    out = spec.commandLine().getOut();
    try (ProxyBenchLoad load = new ProxyBenchLoad();
        FaultProxy faultProxy = FaultProxy.start(FaultProxyConfig.builder().seed(1).busyPollMicros(busyPollMicros).build())) {
      ToxiproxyClient client = new ToxiproxyClient(faultProxy.apiAddress().getHostString(), faultProxy.apiAddress().getPort());
      Proxy proxy = client.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + load.port());
      int proxied = port(proxy);
      throughput(load.sinkPort(), port(client.createProxy("bench-sink", "127.0.0.1:0", "127.0.0.1:" + load.sinkPort())));
      latency(load.port(), proxied);
      latencyToxic(proxied, proxy);
      concurrent(load.port(), proxied);
    }
    out.println(missed.isEmpty() ? "All goals met." : "Goals missed: " + missed);
    out.flush();
    return missed.isEmpty() ? 0 : HarnessCommand.EXIT_FAILED;
  }

  private static int port(Proxy proxy) {
    return Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
  }

  private void throughput(int direct, int proxied) throws Exception {
    long bytes = megabytes * 1_000_000L;
    progress("throughput: streaming " + megabytes + " MB one way to a sink, direct then proxied");
    ProxyBenchLoad.throughput(direct, bytes / 4);
    double directRate = ProxyBenchLoad.throughput(direct, bytes);
    ProxyBenchLoad.throughput(proxied, bytes / 4);
    double proxiedRate = ProxyBenchLoad.throughput(proxied, bytes);
    double ratio = proxiedRate / directRate;
    out.printf("  direct   %8.1f MB/s%n  proxied  %8.1f MB/s  ratio %.2f (goal >= 1000 MB/s and >= 0.50)%n",
        directRate / 1e6, proxiedRate / 1e6, ratio);
    goal(proxiedRate >= 1e9 && ratio >= 0.5, "throughput");
  }

  private void latency(int direct, int proxied) throws Exception {
    progress("latency: " + roundTrips + " round trips of 1 KB each direct and proxied, alternating blocks of 500");
    Histogram[] both = ProxyBenchLoad.interleavedPingPong(direct, proxied, 1024, roundTrips / 5, roundTrips, 500);
    Histogram d = both[0];
    Histogram p = both[1];
    long addedP50 = p.getValueAtPercentile(50) - d.getValueAtPercentile(50);
    long addedP99 = p.getValueAtPercentile(99) - d.getValueAtPercentile(99);
    out.printf("  direct   p50 %6.1f us  p99 %6.1f us%n  proxied  p50 %6.1f us  p99 %6.1f us%n",
        d.getValueAtPercentile(50) / 1e3, d.getValueAtPercentile(99) / 1e3,
        p.getValueAtPercentile(50) / 1e3, p.getValueAtPercentile(99) / 1e3);
    out.printf("  added    p50 %6.1f us  p99 %6.1f us  (goal < 50 us and < 200 us)%n", addedP50 / 1e3, addedP99 / 1e3);
    goal(addedP50 < 50_000 && addedP99 < 200_000, "added latency");
  }

  private void latencyToxic(int proxied, Proxy proxy) throws Exception {
    progress("latency toxic: 100 ms downstream, 8 connections x 25 round trips, without then with the toxic");
    Histogram base = concurrentPingPong(proxied);
    var toxic = proxy.toxics().latency("bench-latency", ToxicDirection.DOWNSTREAM, 100);
    Histogram all;
    try {
      all = concurrentPingPong(proxied);
    } finally {
      toxic.remove();
    }
    double meanError = (all.getMean() - base.getMean()) / 1e6 - 100;
    double p99Error = (all.getValueAtPercentile(99) - base.getValueAtPercentile(99)) / 1e6 - 100;
    out.printf("  round trip with toxic: mean %.3f ms, p99 %.3f ms; same load without: mean %.3f ms, p99 %.3f ms%n",
        all.getMean() / 1e6, all.getValueAtPercentile(99) / 1e6, base.getMean() / 1e6, base.getValueAtPercentile(99) / 1e6);
    out.printf("  added delay error: mean %+.3f ms (goal within 1 ms), p99 %+.3f ms (goal within 5 ms)%n", meanError, p99Error);
    Histogram timer = timerLateness();
    out.printf("  baseline: a plain 100 ms JDK timer fires late by mean %.3f ms, p99 %.3f ms on this machine now%n",
        timer.getMean() / 1e6, timer.getValueAtPercentile(99) / 1e6);
    goal(Math.abs(meanError) <= 1 && Math.abs(p99Error) <= 5, "latency toxic accuracy");
  }

  /** 8 connections in parallel, 25 recorded 1 KB round trips each. */
  private static Histogram concurrentPingPong(int port) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Histogram all = new Histogram(10_000_000_000L, 3);
    try {
      List<Future<Histogram>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> ProxyBenchLoad.pingPong(port, 1024, 2, 25)));
      }
      for (Future<Histogram> run : runs) {
        all.add(run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    return all;
  }

  /** How late a plain ScheduledExecutorService fires 100 ms timers here and now (200 samples). */
  private static Histogram timerLateness() throws Exception {
    Histogram lateness = new Histogram(10_000_000_000L, 3);
    java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      List<java.util.concurrent.CompletableFuture<Long>> fired = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long due = System.nanoTime() + 100_000_000L;
        java.util.concurrent.CompletableFuture<Long> late = new java.util.concurrent.CompletableFuture<>();
        timer.schedule(() -> late.complete(System.nanoTime() - due), 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        fired.add(late);
        Thread.sleep(1);
      }
      for (java.util.concurrent.CompletableFuture<Long> late : fired) {
        lateness.recordValue(Math.max(0, late.get()));
      }
    } finally {
      timer.shutdownNow();
    }
    return lateness;
  }

  private void concurrent(int direct, int proxied) throws Exception {
    progress("concurrency: " + connections + " connections open at once, direct then proxied");
    long directBytes = idleHeap(direct);
    long proxiedBytes = idleHeap(proxied);
    long perConnection = Math.max(0, proxiedBytes - directBytes) / connections;
    out.printf("  heap per idle proxied connection: %,d bytes (proxied run %,d B minus direct run %,d B, / %d)%n",
        perConnection, proxiedBytes, directBytes, connections);
  }

  /** Opens every connection, checks each with a 1 KB echo, and returns the heap they hold. */
  private long idleHeap(int port) throws Exception {
    long before = usedHeap();
    List<Socket> sockets = new ArrayList<>(connections);
    int errors = 0;
    try {
      for (int i = 0; i < connections; i++) {
        sockets.add(ProxyBenchLoad.connect(port));
      }
      byte[] payload = new byte[1024];
      for (Socket socket : sockets) {
        try {
          socket.getOutputStream().write(payload);
          socket.getInputStream().readNBytes(1024);
        } catch (java.io.IOException e) {
          errors++;
        }
      }
      long held = usedHeap() - before;
      out.printf("  port %d: %d connections, %d errors; Netty pooled direct memory in use: %,d bytes%n",
          port, sockets.size(), errors, io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
      goal(errors == 0, connections + " concurrent connections");
      return held;
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private void goal(boolean met, String name) {
    if (!met) {
      missed.add(name);
    }
  }

  private void progress(String line) {
    out.println(line);
    out.flush();
  }
}
