package dev.chaosharness.traffic.bench;

import dev.chaosharness.core.env.DirectoryTrees;
import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficResult;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.traffic.driver.GatlingTraffic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The traffic benchmark, against a {@link TrivialEndpoint} started in the same run:
 * <ol>
 *   <li>rate accuracy: achieved over intended rate for each rate, goal within 1%;
 *   <li>the highest sustained open-model rate (achieved within 1%, under 1% failed) next to
 *       {@code wrk}'s closed-model peak on the same endpoint, goal at least 30% of it: the rates
 *       of the search in order up to the first one not sustained, then {@code refine} halvings of
 *       the gap between the last sustained rate and that one;
 *   <li>start overhead: wall time of a 10 s run beyond its 10 s, goal under 5 s.
 * </ol>
 *
 * <p>Not thread-safe: one benchmark at a time (it would measure itself otherwise).
 */
public final class TrafficBenchmark {

  /** What to measure. */
  public record Settings(List<Double> rates, Duration duration, List<Double> maxSearch, int refine,
      Duration maxStep, String wrk, Path output, boolean keepRuns) {}

  private final Traffic traffic;
  private final PrintWriter out;
  private final Settings settings;
  private boolean allPassed = true;

  /** A benchmark of {@code traffic} printing to {@code out}. */
  public TrafficBenchmark(Traffic traffic, PrintWriter out, Settings settings) {
    this.traffic = traffic;
    this.out = out;
    this.settings = settings;
  }

  /** Runs every phase; returns whether every goal was met. */
  public boolean run() {
    try (TrivialEndpoint endpoint = new TrivialEndpoint(2)) {
      print("endpoint: %s (Netty, 2 threads), scenario browse, constant profile; run directories under %s %s",
          endpoint.baseUrl(), settings.output(), settings.keepRuns() ? "kept" : "deleted after each run (--keep-runs keeps them)");
      rateAccuracy(endpoint);
      double highest = highestSustained(endpoint);
      compareWithWrk(endpoint, highest);
      startOverhead(endpoint);
    }
    print("traffic bench: %s", allPassed ? "all goals met" : "SOME GOALS MISSED");
    return allPassed;
  }

  private void rateAccuracy(TrivialEndpoint endpoint) {
    print("rate accuracy, %ds per rate (goal: achieved within 1%% of intended):", settings.duration().toSeconds());
    for (double rate : settings.rates()) {
      TrafficResult r = runAt(endpoint, rate, settings.duration());
      boolean ok = Math.abs(r.rateRatio() - 1) <= 0.01 && r.failedRequests() == 0;
      goal(ok, "  intended %8.1f/s  achieved %9.2f/s  ratio %.4f  arrivals %d  failed %d  send lag p99 %d ms  p99 %d ms",
          r.intendedRate(), r.achievedRate(), r.rateRatio(), r.arrivals(), r.failedRequests(),
          r.sendLagP99().toMillis(), r.latency().p99().toMillis());
    }
  }

  private double highestSustained(TrivialEndpoint endpoint) {
    print("highest sustained open-model rate, %ds steps (achieved within 1%%, under 1%% failed):",
        settings.maxStep().toSeconds());
    RateSearch.Outcome o = RateSearch.run(settings.maxSearch(), settings.refine(), rate -> sustains(endpoint, rate));
    print("  highest sustained: %.0f/s%s", o.highest(), Double.isNaN(o.missed()) ? " (every rate of the search)"
        : String.format(Locale.ROOT, " (%.0f/s not sustained)", o.missed()));
    return o.highest();
  }

  private boolean sustains(TrivialEndpoint endpoint, double rate) {
    TrafficResult r = runAt(endpoint, rate, settings.maxStep());
    double failedRatio = r.requests() == 0 ? 1 : r.failedRequests() / (double) r.requests();
    boolean sustained = Math.abs(r.rateRatio() - 1) <= 0.01 && failedRatio < 0.01;
    print("  intended %8.1f/s  achieved %9.2f/s  ratio %.4f  failed %.2f%%  send lag p99 %d ms  %s  %s",
        r.intendedRate(), r.achievedRate(), r.rateRatio(), failedRatio * 100, r.sendLagP99().toMillis(),
        GatlingTraffic.compilers(r.plan()), sustained ? "sustained" : "not sustained");
    return sustained;
  }

  private void compareWithWrk(TrivialEndpoint endpoint, double highest) {
    Duration d = settings.maxStep();
    OptionalDouble wrk = WrkBaseline.measure(settings.wrk(), endpoint.baseUrl().resolve("/orders/bench"), d);
    String command = String.join(" ", WrkBaseline.command(settings.wrk(), endpoint.baseUrl().resolve("/orders/bench"), d));
    if (wrk.isEmpty()) {
      goal(false, "baseline: `%s` did not run; install it (apt-get install -y wrk) or pass --wrk PATH", command);
      return;
    }
    double ratio = highest / wrk.getAsDouble();
    goal(ratio >= 0.30, "baseline `%s`: %.0f req/s; harness sustained %.0f/s = %.2f of wrk (goal >= 0.30)",
        command, wrk.getAsDouble(), highest, ratio);
  }

  private void startOverhead(TrivialEndpoint endpoint) {
    Duration duration = Duration.ofSeconds(10);
    long started = System.nanoTime();
    runAt(endpoint, 10, duration);
    double wall = (System.nanoTime() - started) / 1e9;
    double overhead = wall - duration.toSeconds();
    goal(overhead < 5, "start overhead: a 10 s run took %.2f s, %.2f s beyond its duration (goal < 5 s)", wall, overhead);
  }

  private TrafficResult runAt(TrivialEndpoint endpoint, double rate, Duration duration) {
    TrafficPlan plan = TrafficPlan.builder().scenario("browse").baseUrl(endpoint.baseUrl()).rate(rate)
        .duration(duration).outputDirectory(settings.output()).htmlReport(false).build();
    TrafficResult result;
    try (TrafficRun run = traffic.start(plan, TrafficListener.noop())) {
      result = run.await(duration.plusMinutes(2));
    }
    if (!settings.keepRuns()) {
      DirectoryTrees.deleteQuietly(result.directory()); // a step at 70,000/s for 30 s logs about 400 MB
    }
    return result;
  }


  private void goal(boolean met, String format, Object... args) {
    allPassed &= met;
    print(format + "  %s", append(args, met ? "PASS" : "FAIL"));
  }

  private void print(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  private static Object[] append(Object[] args, Object last) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }
}
