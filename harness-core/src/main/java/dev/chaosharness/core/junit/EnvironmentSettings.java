package dev.chaosharness.core.junit;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The environment a test class asks for, read from its {@link HarnessTest} (or the defaults).
 * Two classes with equal settings share a {@link Lifetime#PER_RUN} environment.
 *
 * @param topology the topology resource, empty for Kafka and PostgreSQL only
 * @param defects defect switches per service, sorted by service
 * @param lifetime how long the environment lives
 * @param faultProxy whether links go through a fault proxy
 * @param source where the settings came from, for error messages
 */
record EnvironmentSettings(String topology, SortedMap<String, String> defects, Lifetime lifetime,
    boolean faultProxy, String source) {

  EnvironmentSettings {
    Objects.requireNonNull(topology, "topology");
    defects = new TreeMap<>(defects);
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(source, "source");
  }

  /** Reads the settings of {@code testClass}: its own or an enclosing class's {@link HarnessTest}. */
  static EnvironmentSettings of(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<HarnessTest> annotation = AnnotationSupport.findAnnotation(c, HarnessTest.class);
      if (annotation.isPresent()) {
        return of(annotation.get(), "@HarnessTest on " + c.getName());
      }
    }
    return new EnvironmentSettings("", new TreeMap<>(), Lifetime.PER_CLASS, true,
        "the defaults (no @HarnessTest on " + testClass.getName() + ")");
  }

  static EnvironmentSettings of(HarnessTest annotation, String source) {
    SortedMap<String, String> defects = new TreeMap<>();
    for (String entry : annotation.defects()) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException(source + ": defects must be 'service=switch[,switch...]', but was '"
            + entry + "'");
      }
      String service = entry.substring(0, eq).trim();
      if (defects.containsKey(service)) {
        throw new IllegalArgumentException(source + ": defects name service '" + service
            + "' twice; join its switches with ',' in one entry");
      }
      defects.put(service, entry.substring(eq + 1).trim());
    }
    return new EnvironmentSettings(annotation.topology().trim(), defects, annotation.lifetime(),
        annotation.faultProxy(), source);
  }

  /** The store key: equal for settings that may share an environment. */
  String key() {
    return "environment[topology=" + topology + ", defects=" + defects + ", faultProxy=" + faultProxy + "]";
  }

  /** One line for messages, for example {@code topology 'x.yaml', defects {payment=...}, fault proxy on}. */
  String describe() {
    return (topology.isEmpty() ? "no topology (Kafka and PostgreSQL only)" : "topology '" + topology + "'")
        + (defects.isEmpty() ? "" : ", defects " + defects) + ", fault proxy " + (faultProxy ? "on" : "off")
        + ", " + lifetime;
  }
}
