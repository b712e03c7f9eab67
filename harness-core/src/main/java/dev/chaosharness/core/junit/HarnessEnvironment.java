package dev.chaosharness.core.junit;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.EmbeddedEnvironmentConfig;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.fault.FaultTarget;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded environment started for tests, behind a fault proxy unless switched off; kept in
 * JUnit's store, which closes it when its owner (class or run) ends.
 *
 * <p>Thread-safe: immutable once started; {@link #close()} is idempotent.
 */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit before 5.13 closing it; 5.13+ uses AutoCloseable
final class HarnessEnvironment implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final EnvironmentSettings settings;
  private final FaultProxy proxy;
  private final EmbeddedEnvironment environment;

  private HarnessEnvironment(EnvironmentSettings settings, FaultProxy proxy, EmbeddedEnvironment environment) {
    this.settings = settings;
    this.proxy = proxy;
    this.environment = environment;
  }

  /**
   * Starts the environment {@code settings} ask for in {@code workDir}.
   *
   * @throws IllegalArgumentException when the topology resource is not on the classpath
   */
  static HarnessEnvironment start(EnvironmentSettings settings, Path workDir) {
    EmbeddedEnvironmentConfig.Builder config = EmbeddedEnvironmentConfig.builder().workDir(workDir);
    if (!settings.topology().isEmpty()) {
      Topology topology = Topology.readResource(settings.topology());
      if (topology == null) {
        throw new IllegalArgumentException("topology resource '" + settings.topology()
            + "' is not on the test classpath");
      }
      config.topology(topology);
    }
    settings.defects().forEach(config::defects);
    FaultProxy proxy = settings.faultProxy() ? FaultProxy.start(FaultProxyConfig.ofDefaults()) : null;
    try {
      if (proxy != null) {
        config.linkRouter(FaultProxyLinkRouter.of(proxy)).proxyApiUrl(proxy.apiUrl().toString());
      }
      return new HarnessEnvironment(settings, proxy, EmbeddedEnvironment.start(config.build()));
    } catch (RuntimeException e) {
      if (proxy != null) {
        proxy.close();
      }
      throw e;
    }
  }

  EnvironmentSettings settings() {
    return settings;
  }

  EmbeddedEnvironment environment() {
    return environment;
  }

  Optional<FaultProxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Where faults act: the fault proxy's API (when on) and every process the environment owns. */
  FaultTarget faultTarget() {
    FaultTarget.Builder target = FaultTarget.builder();
    if (proxy != null) {
      target.toxiproxy(proxy.apiUrl());
    }
    for (Component component : environment.components()) {
      environment.process(component.name()).ifPresent(target::process);
    }
    return target.build();
  }

  /** Stops the environment, then its fault proxy; idempotent. */
  @Override
  public void close() {
    try {
      environment.close();
    } finally {
      if (proxy != null) {
        proxy.close();
      }
    }
  }
}
