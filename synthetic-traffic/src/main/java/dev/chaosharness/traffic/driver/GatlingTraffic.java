package dev.chaosharness.traffic.driver;

import dev.chaosharness.core.env.ClassDataSharing;
import dev.chaosharness.core.traffic.ArrivalSchedule;
import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.core.traffic.TrafficException;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficRun;
import dev.chaosharness.traffic.gatling.BrowseSimulation;
import dev.chaosharness.traffic.gatling.PlaceOrderSimulation;
import dev.chaosharness.traffic.gatling.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Traffic} driver backed by Gatling: each run is a child JVM running one of the
 * simulations, so the caller's JVM needs no {@code --add-opens} and keeps no Gatling state.
 * Results come from the traffic log the simulation writes, tailed while it runs.
 *
 * <pre>{@code
 * try (TrafficRun run = new GatlingTraffic().start(plan, TrafficListener.noop())) {
 *   TrafficResult result = run.await(plan.duration().plusMinutes(1));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GatlingTraffic implements Traffic {

  private static final Map<String, String> SIMULATIONS = Map.of(
      PlaceOrderSimulation.SCENARIO, PlaceOrderSimulation.class.getName(),
      BrowseSimulation.SCENARIO, BrowseSimulation.class.getName());
  private static final String GATLING_MAIN = "io.gatling.app.Gatling";
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  /**
   * Environment variable with extra options for the Gatling child JVM, for example {@code -Xmx2g};
   * they come after the driver's own ({@code -Xmx1g -XX:+UseParallelGC}, and
   * {@code -XX:TieredStopAtLevel=1} for runs of under a million arrivals), so they override them.
   */
  public static final String EXTRA_JVM_OPTIONS = "HARNESS_TRAFFIC_JVM_OPTS";

  /** From this many expected arrivals on, the child JVM compiles with C2 too. */
  static final long C2_FROM_ARRIVALS = 1_000_000;

  private final Clock clock;
  private final Duration connectTimeout;
  private final ClassDataSharing classDataSharing;

  /**
   * A driver on the system clock, caching its child JVM's class archive with the other
   * class-data archives ({@link ClassDataSharing#ofDefaults()}).
   */
  public GatlingTraffic() {
    this(Clock.systemUTC(), Duration.ofSeconds(3), ClassDataSharing.ofDefaults());
  }

  /**
   * A driver with the given clock (names run directories), reachability timeout, and directory
   * for the child JVM's class-data-sharing archive (it makes starts faster).
   */
  public GatlingTraffic(Clock clock, Duration connectTimeout, Path cacheDirectory) {
    this(clock, connectTimeout, ClassDataSharing.of(Objects.requireNonNull(cacheDirectory, "cacheDirectory")));
  }

  private GatlingTraffic(Clock clock, Duration connectTimeout, ClassDataSharing classDataSharing) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.classDataSharing = classDataSharing;
  }

  @Override
  public Set<String> scenarios() {
    return new TreeSet<>(SIMULATIONS.keySet());
  }

  @Override
  public TrafficRun start(TrafficPlan plan, TrafficListener listener) {
    String simulation = SIMULATIONS.get(plan.scenario());
    if (simulation == null) {
      throw new IllegalArgumentException(
          "Unknown scenario '" + plan.scenario() + "'; known scenarios: " + scenarios());
    }
    Reachability.check(plan.baseUrl(), connectTimeout);
    Path directory = plan.outputDirectory().resolve(plan.scenario() + "-" + RUN_ID.format(clock.instant()));
    Path trafficLog = directory.resolve("traffic.jsonl");
    try {
      Files.createDirectories(directory);
      String classpath = System.getProperty("java.class.path");
      // A run stopped with SIGTERM (as every experiment's traffic is) has loaded what a run needs, too.
      ClassDataSharing.Plan sharing = classDataSharing.plan(GATLING_MAIN, classpath, ClassDataSharing::normalExit);
      Process process = new ProcessBuilder(command(plan, simulation, directory, trafficLog, classpath, sharing))
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("gatling.log").toFile())
          .start();
      process.onExit().thenAccept(p -> sharing.afterExit(p.exitValue()));
      return new GatlingTrafficRun(plan, directory, trafficLog, process, listener);
    } catch (IOException e) {
      throw new TrafficException("Cannot start the Gatling child JVM for " + plan + " in " + directory
          + ": " + e.getMessage() + "; check that " + javaBinary() + " exists", e);
    }
  }

  private static List<String> command(TrafficPlan plan, String simulation, Path directory, Path trafficLog,
      String classpath, ClassDataSharing.Plan sharing) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(sharing.jvmOptions());
    command.add("-Xmx1g");
    command.add("-XX:+UseParallelGC");
    command.addAll(compilerOptions(plan));
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("--enable-native-access=ALL-UNNAMED"); // Netty's epoll transport; Java 22+ warns otherwise
    String extra = System.getenv(EXTRA_JVM_OPTIONS);
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-Dgatling.data.enableAnalytics=false");
    command.add("-Dgatling.http.warmUpUrl=");
    command.addAll(SimulationSettings.toJvmOptions(plan, trafficLog));
    command.add("-cp");
    command.add(classpath);
    command.add(GATLING_MAIN);
    command.add("--simulation");
    command.add(simulation);
    command.add("--results-folder");
    command.add(directory.resolve("gatling").toAbsolutePath().toString());
    if (!plan.htmlReport()) {
      command.add("--no-reports");
    }
    return command;
  }

  /**
   * The child's JIT compilers for {@code plan}: C1 only for a run of under
   * {@value #C2_FROM_ARRIVALS} arrivals, both C1 and C2 from there on. C1 code is hot within a
   * second; C2 code carries about a third more requests per second once compiled, but while C2
   * compiles (about 5 s of a core) the run sends late. A short or slow run never earns that back; a
   * run of a million requests does. Options in {@link #EXTRA_JVM_OPTIONS} come later and win.
   */
  static List<String> compilerOptions(TrafficPlan plan) {
    return ArrivalSchedule.of(plan).expectedArrivals() < C2_FROM_ARRIVALS
        ? List.of("-XX:TieredStopAtLevel=1") : List.of();
  }

  /** Which compilers the child JVM of {@code plan} runs: {@code C1} or {@code C1+C2}. */
  public static String compilers(TrafficPlan plan) {
    return compilerOptions(plan).isEmpty() ? "C1+C2" : "C1";
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
