package dev.chaosharness.core.env;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * The services of an environment and the record of its ready components: starts the topology's
 * services in dependency waves (a wave's services launched together, then awaited in parallel),
 * announces every ready component, and stops the services last started first.
 *
 * <p>Thread-safe: {@link #ready(Component)} may be called from any start thread.
 */
final class ServiceFleet {

  /** How many times a service that exits before it is ready is started again. */
  static final int START_RETRIES = 2;

  private final EmbeddedEnvironmentConfig config;
  private final ProcessSupervisor supervisor;
  private final Logger log;
  private final List<Component> components = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> httpAddresses = new LinkedHashMap<>();

  /** Creates the fleet; {@code log} is the owning environment's, so its lines keep its name. */
  ServiceFleet(EmbeddedEnvironmentConfig config, ProcessSupervisor supervisor, Logger log) {
    this.config = config;
    this.supervisor = supervisor;
    this.log = log;
  }

  /**
   * Starts the services of the config's topology, wave by wave, each ready when its health
   * check answers; {@code kafkaBootstrap} and {@code databases} are as for {@link ServiceLauncher}.
   */
  void start(LinkRouter router, UnaryOperator<String> kafkaBootstrap,
      Map<String, PostgresServer.Database> databases) {
    Topology topology = config.topology();
    if (topology == null) {
      return;
    }
    ServiceLauncher launcher = new ServiceLauncher(config, router, kafkaBootstrap, databases,
        httpAddresses);
    for (List<Topology.ServiceDef> wave : topology.startWaves()) {
      startWave(wave, launcher);
    }
  }

  private void startWave(List<Topology.ServiceDef> wave, ServiceLauncher launcher) {
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (Topology.ServiceDef def : wave) {
      InetSocketAddress http = Ports.loopback(Ports.free());
      ManagedProcess process = supervisor.start(launcher.spec(def, http));
      synchronized (this) {
        services.put(def.name(), process);
        httpAddresses.put(def.name(), http);
      }
      waiting.add(Parallel.async(() -> ready(new Component(def.name(),
          "http://" + Ports.hostPort(http), awaitReady(process)))));
    }
    Parallel.joinAll(waiting);
  }

  /**
   * Waits for {@code process} to be ready, starting it again when it exits first (at most
   * {@link #START_RETRIES} times, as Kubernetes restarts a crashed container): a service that
   * loses a race for its database or broker on a busy machine gets another go. Returns the time
   * since the first wait began.
   */
  private Duration awaitReady(ManagedProcess process) {
    long start = System.nanoTime();
    for (int retry = 1; ; retry++) {
      try {
        process.awaitReady(config.serviceStartTimeout());
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (ComponentFailedException failure) {
        if (process.isAlive() || retry > START_RETRIES) {
          throw failure;
        }
        log.warn("{}; starting it again ({} of {})", failure.getMessage(), retry, START_RETRIES);
        process.restart();
      }
    }
  }

  /** Records {@code component} as ready, logs it and announces it to the config's callback. */
  void ready(Component component) {
    components.add(component);
    log.info("{} ready at {} after {} ms", component.name(), component.address(),
        component.readyAfter().toMillis());
    config.onReady().accept(component);
  }

  /** The ready components in the order they became ready. */
  List<Component> components() {
    return List.copyOf(components);
  }

  /** The HTTP address of every started service, in start order. */
  synchronized Map<String, InetSocketAddress> httpAddresses() {
    return new LinkedHashMap<>(httpAddresses);
  }

  /** The process of the service {@code name}; empty if no such service was started. */
  synchronized Optional<ManagedProcess> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Stops the started services, last started first. */
  synchronized void close() {
    List<ManagedProcess> started = new ArrayList<>(services.values());
    Collections.reverse(started);
    started.forEach(ManagedProcess::close);
  }
}
