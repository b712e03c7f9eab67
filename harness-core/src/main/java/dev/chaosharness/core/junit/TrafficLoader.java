package dev.chaosharness.core.junit;

import dev.chaosharness.core.traffic.Traffic;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the one {@link Traffic} driver on the classpath through {@link ServiceLoader}. */
final class TrafficLoader {

  static final String SERVICE_FILE = "META-INF/services/" + Traffic.class.getName();

  private TrafficLoader() {}

  /** The message for a classpath without a driver, with the fix. */
  static String missing() {
    return "no Traffic driver is on the classpath; add the dependency dev.chaosharness:synthetic-traffic "
        + "(GatlingTraffic), or register your own in " + SERVICE_FILE;
  }

  /**
   * Returns a new instance of the only driver {@code loader} can see, or empty when there is none.
   *
   * @throws IllegalStateException when there is more than one, naming them
   */
  static Optional<Traffic> find(ClassLoader loader) {
    List<ServiceLoader.Provider<Traffic>> providers = ServiceLoader.load(Traffic.class, loader).stream().toList();
    if (providers.isEmpty()) {
      return Optional.empty();
    }
    if (providers.size() > 1) {
      throw new IllegalStateException("more than one Traffic driver is on the classpath: "
          + providers.stream().map(p -> p.type().getName()).sorted().toList()
          + "; keep one, or construct the one you want in the test");
    }
    return Optional.of(providers.get(0).get());
  }
}
