package dev.chaosharness.core.env;

import dev.chaosharness.core.target.YamlInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system an environment starts: its topics and its services with their dependencies
 * (format in {@code docs/sample-system.md}).
 *
 * <pre>{@code
 * Topology shop = Topology.readResource("dev/chaosharness/sample/topology.yaml");
 * }</pre>
 *
 * <p>Validated on construction: unique service names, known dependency targets, no cycles.
 * Immutable and thread-safe.
 *
 * @param name the system's name
 * @param topics the Kafka topics (each also gets {@code <name>.faults})
 * @param services the services, in the order they are listed
 */
public record Topology(String name, Topics topics, List<ServiceDef> services) {

  /** Validates the topology. */
  public Topology {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was missing");
    }
    topics = topics == null ? new Topics(1, List.of()) : topics;
    services = services == null ? List.of() : List.copyOf(services);
    Set<String> names = new HashSet<>();
    for (ServiceDef service : services) {
      if (!names.add(service.name())) {
        throw new IllegalArgumentException(
            "service names must be unique, but '" + service.name() + "' appears twice");
      }
    }
    for (ServiceDef service : services) {
      service.dependencies().forEach((alias, target) -> {
        if (!names.contains(target)) {
          throw new IllegalArgumentException("service '" + service.name() + "' depends on '"
              + target + "' (alias " + alias + "), which is not a service; known: " + names);
        }
      });
    }
    startOrder(services);
  }

  /**
   * The topics: how many partitions each gets, and their names.
   *
   * @param partitions partitions per topic, at least 1
   * @param names the topic names
   */
  public record Topics(int partitions, List<String> names) {

    /** Validates the topics. */
    public Topics {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be >= 1, but was " + partitions);
      }
      names = names == null ? List.of() : List.copyOf(names);
    }

    /** Every topic to create: each name and its {@code <name>.faults}. */
    public List<String> withFaultTopics() {
      List<String> all = new ArrayList<>();
      names.forEach(topic -> {
        all.add(topic);
        all.add(topic + ".faults");
      });
      return all;
    }
  }

  /**
   * A service: a Java main run as its own process.
   *
   * @param name the service name, also its database name and link prefix
   * @param main the fully qualified main class
   * @param database whether it gets its own database
   * @param kafka whether it gets a Kafka link
   * @param dependencies alias to service name; each is a link {@code <name>-><alias>} and an
   *     environment variable {@code <ALIAS>_URL}
   */
  public record ServiceDef(String name, String main, boolean database, boolean kafka,
      Map<String, String> dependencies) {

    /** Validates the service. */
    public ServiceDef {
      if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "name must match [a-z][a-z0-9-]*, but was " + (name == null ? "missing" : "'" + name + "'"));
      }
      if (main == null || !main.matches("[\\w$]+(\\.[\\w$]+)*")) {
        throw new IllegalArgumentException("main must be a fully qualified class name, but was "
            + (main == null ? "missing" : "'" + main + "'"));
      }
      dependencies = dependencies == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
      dependencies.keySet().forEach(alias -> {
        if (!alias.matches("[a-z][a-z0-9-]*")) {
          throw new IllegalArgumentException(
              "dependency alias must match [a-z][a-z0-9-]*, but was '" + alias + "'");
        }
      });
    }
  }

  /** Reads a topology file; bad content raises an error naming file, line and field. */
  public static Topology read(Path file) {
    return YamlInput.read(file, Topology.class);
  }

  /** Reads a topology from the classpath, or returns {@code null} if it is not there. */
  public static Topology readResource(String resource) {
    var url = Topology.class.getClassLoader().getResource(resource);
    if (url == null) {
      return null;
    }
    try (var in = url.openStream()) {
      return YamlInput.parse(Path.of("classpath:" + resource),
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Topology.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read " + url, e);
    }
  }

  /** The services in waves: each wave depends only on earlier waves. */
  public List<List<ServiceDef>> startWaves() {
    return startOrder(services);
  }

  private static List<List<ServiceDef>> startOrder(List<ServiceDef> services) {
    List<List<ServiceDef>> waves = new ArrayList<>();
    Set<String> started = new LinkedHashSet<>();
    List<ServiceDef> left = new ArrayList<>(services);
    while (!left.isEmpty()) {
      List<ServiceDef> wave = left.stream()
          .filter(s -> started.containsAll(s.dependencies().values())).toList();
      if (wave.isEmpty()) {
        throw new IllegalArgumentException("services have a dependency cycle among "
            + left.stream().map(ServiceDef::name).toList());
      }
      wave.forEach(s -> started.add(s.name()));
      left.removeAll(wave);
      waves.add(wave);
    }
    return waves;
  }
}
