package dev.chaosharness.core.junit;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.kpi.TimelineConfig;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.traffic.Traffic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a running environment and the harness's tools by parameter injection
 * (constructors, lifecycle methods and test methods alike).
 *
 * <pre>{@code
 * @HarnessTest(topology = "dev/chaosharness/sample/topology.yaml")
 * class SlowProviderTest {
 *   @Test
 *   void should_keep_orders_flowing(Environment env, FaultLedger faults, HistoryRecorder history) {
 *     faults.inject(Faults.latency(ofMillis(800)).on("payment->provider"));
 *     // ... drive the shop at env.target().service("bff").baseUrl() ...
 *     assertThat(SagaChecker.of(spec).check(history.stop())).invariantsHold();
 *   } // the latency is reverted here, whether the test passed or not
 * }
 * }</pre>
 *
 * <table>
 *   <caption>Injected types and their lifetimes in JUnit's store</caption>
 *   <tr><th>type</th><th>what</th><th>lifetime</th></tr>
 *   <tr><td>{@link Environment}, {@link EmbeddedEnvironment}</td><td>the embedded environment
 *       {@link HarnessTest} configures, behind a fault proxy</td><td>{@link Lifetime}: the top-level
 *       class, or the run (shared by every class with equal settings)</td></tr>
 *   <tr><td>{@link FaultProxy}</td><td>that environment's fault proxy</td><td>as the environment</td></tr>
 *   <tr><td>{@link FaultLedger}</td><td>faults on the environment's links and processes</td><td>the
 *       test (reverted after it, passed or failed), or the class when asked for in {@code @BeforeAll}</td></tr>
 *   <tr><td>{@link HistoryRecorder}</td><td>records the saga topics from injection on</td><td>the test</td></tr>
 *   <tr><td>{@link TimelineRecorder}</td><td>samples the KPI timeline from injection on</td><td>the test</td></tr>
 *   <tr><td>{@link Traffic}</td><td>the one driver {@link java.util.ServiceLoader} finds</td><td>the run</td></tr>
 *   <tr><td>{@link ExperimentRunner}</td><td>a runner on the environment, with that driver when there is
 *       one, writing under the environment's work folder</td><td>the test</td></tr>
 * </table>
 *
 * <p>A parameter it cannot resolve fails the test with a {@link ParameterResolutionException}
 * naming the parameter and what is missing. Thread-safe: state lives in JUnit's store only.
 */
public final class HarnessExtension implements ParameterResolver {

  static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HarnessExtension.class);
  private static final Logger LOG = LoggerFactory.getLogger(HarnessExtension.class);
  private static final Set<Class<?>> SUPPORTED = Set.of(Environment.class, EmbeddedEnvironment.class,
      FaultProxy.class, FaultLedger.class, Traffic.class, HistoryRecorder.class, TimelineRecorder.class,
      ExperimentRunner.class);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Clock clock;

  /** Creates the extension with the system clock; JUnit calls this. */
  public HarnessExtension() {
    this(Clock.systemUTC());
  }

  HarnessExtension(Clock clock) {
    this.clock = clock;
  }

  /**
   * Resolves constructor parameters in the test's own context under JUnit's default
   * per-method instance lifecycle, so a constructor's {@code FaultLedger} is the test's.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SUPPORTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    try {
      if (type == Environment.class || type == EmbeddedEnvironment.class) {
        return environment(context).environment();
      } else if (type == FaultProxy.class) {
        return faultProxy(context);
      } else if (type == FaultLedger.class) {
        return perContext(context, "ledger", () -> FaultLedger.open(environment(context).faultTarget()));
      } else if (type == HistoryRecorder.class) {
        return perContext(context, "history", () -> history(context));
      } else if (type == TimelineRecorder.class) {
        return perContext(context, "timeline", () -> TimelineRecorder.start(
            environment(context).environment().target(), TimelineConfig.ofDefaults(), clock));
      } else if (type == Traffic.class) {
        return traffic(context).orElseThrow(() -> new IllegalStateException(TrafficLoader.missing()));
      } else if (type == ExperimentRunner.class) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("runner " + context.getUniqueId(),
            key -> runner(context), ExperimentRunner.class);
      }
      throw new IllegalStateException("the harness extension does not inject " + type.getName());
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("Cannot resolve parameter [" + parameter.getParameter() + "] in "
          + label(parameter.getDeclaringExecutable()) + ": " + e.getMessage(), e);
    }
  }

  private HarnessEnvironment environment(ExtensionContext context) {
    EnvironmentSettings settings = EnvironmentSettings.of(context.getRequiredTestClass());
    ExtensionContext owner = settings.lifetime() == Lifetime.PER_RUN ? context.getRoot() : topLevelClass(context);
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(settings.lifetime() + " " + settings.key(), key -> {
      LOG.info("Starting an environment for {}: {}", owner.getDisplayName(), settings.describe());
      try {
        return HarnessEnvironment.start(settings, workDir(settings, owner));
      } catch (RuntimeException e) {
        throw new IllegalStateException("the environment (" + settings.describe() + "; from " + settings.source()
            + ") failed to start: " + e.getMessage(), e);
      }
    }, HarnessEnvironment.class);
  }

  private FaultProxy faultProxy(ExtensionContext context) {
    EnvironmentSettings settings = EnvironmentSettings.of(context.getRequiredTestClass());
    if (!settings.faultProxy()) {
      throw new IllegalStateException("the fault proxy is off (" + settings.source()
          + "); remove faultProxy = false to inject it");
    }
    return environment(context).proxy().orElseThrow();
  }

  private HistoryRecorder history(ExtensionContext context) {
    HarnessEnvironment env = environment(context);
    long n = SEQUENCE.incrementAndGet();
    Path file = env.environment().workDir().resolve("history")
        .resolve(testName(context) + "-" + n + ".jsonl");
    return HistoryRecorder.start(env.environment().target(), "chaos-harness-junit-" + ProcessHandle.current().pid() + "-" + n,
        file, clock);
  }

  private ExperimentRunner runner(ExtensionContext context) {
    HarnessEnvironment env = environment(context);
    ExperimentRunner.Builder runner = ExperimentRunner.builder().environment(env.environment()).clock(clock)
        .outputDirectory(env.environment().workDir().resolve("experiments")
            .resolve(testName(context) + "-" + SEQUENCE.incrementAndGet()));
    traffic(context).ifPresent(runner::traffic);
    return runner.build();
  }

  /** The run's one traffic driver, or empty when none is on the classpath. */
  private static Optional<Traffic> traffic(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    Traffic traffic = store.get(Traffic.class, Traffic.class);
    if (traffic == null) {
      Optional<Traffic> found = TrafficLoader.find(Thread.currentThread().getContextClassLoader());
      found.ifPresent(t -> store.put(Traffic.class, t));
      return found;
    }
    return Optional.of(traffic);
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
  }

  /** One value per extension context (test, or class for {@code @BeforeAll}), closed when it ends. */
  private static <T extends AutoCloseable> T perContext(ExtensionContext context, String name, Supplier<T> create) {
    // the unique id keeps a test from finding its class's value through the store's parent lookup
    String key = name + " " + context.getUniqueId();
    @SuppressWarnings("unchecked")
    StoredResource<T> stored = context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new StoredResource<>(create.get()), StoredResource.class);
    return stored.value();
  }

  private static ExtensionContext topLevelClass(ExtensionContext context) {
    String root = context.getRoot().getUniqueId();
    ExtensionContext owner = context;
    while (owner.getParent().isPresent() && !owner.getParent().get().getUniqueId().equals(root)) {
      owner = owner.getParent().get();
    }
    return owner;
  }

  private static Path workDir(EnvironmentSettings settings, ExtensionContext owner) {
    try {
      Path base = Files.createDirectories(Path.of("target", "harness", "junit"));
      String prefix = settings.lifetime() == Lifetime.PER_RUN ? "run-"
          : owner.getTestClass().map(Class::getSimpleName).orElse("class") + "-";
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work folder under target/harness/junit: " + e.getMessage(), e);
    }
  }

  private static String label(Executable executable) {
    return (executable instanceof Constructor ? "constructor [" : "method [") + executable.toGenericString() + "]";
  }
}
