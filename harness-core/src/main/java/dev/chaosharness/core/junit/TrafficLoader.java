package dev.chaosharness.core.junit;

import dev.chaosharness.core.traffic.Traffic;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the one {@link Traffic} driver on the classpath through {@link ServiceLoader}. */
final class TrafficLoader {

  static final String SERVICE_FILE = "META-INF/services/" + Traffic.class.getName();

  private TrafficLoader() {}

  /**
   * Returns a new instance of the only driver {@code loader} can see.
   *
   * @throws IllegalStateException when there is none or more than one, saying how to fix it
   */
  static Traffic load(ClassLoader loader) {
    List<ServiceLoader.Provider<Traffic>> providers = ServiceLoader.load(Traffic.class, loader).stream().toList();
    if (providers.isEmpty()) {
      throw new IllegalStateException("no Traffic driver is on the classpath; add the dependency "
          + "dev.chaosharness:synthetic-traffic (GatlingTraffic), or register your own in " + SERVICE_FILE);
    }
    if (providers.size() > 1) {
      throw new IllegalStateException("more than one Traffic driver is on the classpath: "
          + providers.stream().map(p -> p.type().getName()).sorted().toList()
          + "; keep one, or construct the one you want in the test");
    }
    return providers.get(0).get();
  }
}
