package dev.chaosharness.core.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.traffic.Traffic;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** A parameter the extension cannot resolve fails its test with a message naming the parameter and what is missing. */
class HarnessExtensionErrorsTest {

  private static final String PREFIX = "Cannot resolve parameter [";

  @SelfTest
  @HarnessTest
  static class NeedsTraffic {
    static final AtomicReference<Traffic> INJECTED = new AtomicReference<>();

    @org.junit.jupiter.api.Test
    void drive(Traffic traffic) {
      INJECTED.set(traffic);
    }
  }

  @SelfTest
  @HarnessTest(faultProxy = false)
  static class ProxyOff {
    @org.junit.jupiter.api.Test
    void fault(FaultProxy proxy) {}
  }

  @SelfTest
  @HarnessTest(topology = "no/such/topology.yaml")
  static class MissingTopology {
    @org.junit.jupiter.api.Test
    void start(Environment env) {}
  }

  @SelfTest
  @HarnessTest(topology = "no/such/topology.yaml")
  static class MissingTopologyTwice {
    @org.junit.jupiter.api.Test
    void first(Environment env) {}

    @org.junit.jupiter.api.Test
    void second(Environment env) {}
  }

  @SelfTest
  @HarnessTest(defects = "payment")
  static class BadDefects {
    @org.junit.jupiter.api.Test
    void start(Environment env) {}
  }

  @Test
  void should_say_how_to_add_a_driver_when_no_traffic_is_on_the_classpath() {
    // given: harness-core's own test classpath has no Traffic driver

    // when
    Throwable failure = onlyFailure(Specimens.run(NeedsTraffic.class));

    // then
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessage(PREFIX
        + "dev.chaosharness.core.traffic.Traffic arg0] in method [void " + NeedsTraffic.class.getName()
        + ".drive(dev.chaosharness.core.traffic.Traffic)]: no Traffic driver is on the classpath; add the dependency "
        + "dev.chaosharness:synthetic-traffic (GatlingTraffic), or register your own in "
        + "META-INF/services/dev.chaosharness.core.traffic.Traffic");
  }

  @Test
  void should_inject_the_driver_when_service_loader_finds_one(@TempDir Path dir) throws Exception {
    // given
    ClassLoader loader = loaderWithServices(dir, FakeTraffic.class.getName());

    // when
    EngineExecutionResults results = withContextLoader(loader, () -> Specimens.run(NeedsTraffic.class));

    // then
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(NeedsTraffic.INJECTED.get()).isInstanceOf(FakeTraffic.class);
  }

  @Test
  void should_name_every_driver_when_more_than_one_is_on_the_classpath(@TempDir Path dir) throws Exception {
    // given
    ClassLoader loader = loaderWithServices(dir, FakeTraffic.Other.class.getName(), FakeTraffic.class.getName());

    // when
    Throwable failure = onlyFailure(withContextLoader(loader, () -> Specimens.run(NeedsTraffic.class)));

    // then
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessageEndingWith(
        ".drive(dev.chaosharness.core.traffic.Traffic)]: more than one Traffic driver is on the classpath: "
            + "[dev.chaosharness.core.junit.FakeTraffic, dev.chaosharness.core.junit.FakeTraffic$Other]; "
            + "keep one, or construct the one you want in the test");
  }

  @Test
  void should_say_the_proxy_is_off_when_a_test_asks_for_it() {
    // when
    Throwable failure = onlyFailure(Specimens.run(ProxyOff.class));

    // then
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessage(PREFIX
        + "dev.chaosharness.core.proxy.FaultProxy arg0] in method [void " + ProxyOff.class.getName()
        + ".fault(dev.chaosharness.core.proxy.FaultProxy)]: the fault proxy is off (@HarnessTest on "
        + ProxyOff.class.getName() + "); remove faultProxy = false to inject it");
  }

  @Test
  void should_name_the_resource_when_the_topology_is_not_on_the_classpath() {
    // when
    Throwable failure = onlyFailure(Specimens.run(MissingTopology.class));

    // then
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessage(PREFIX
        + "dev.chaosharness.core.env.Environment arg0] in method [void " + MissingTopology.class.getName()
        + ".start(dev.chaosharness.core.env.Environment)]: the environment (topology 'no/such/topology.yaml', "
        + "fault proxy on, PER_CLASS; from @HarnessTest on " + MissingTopology.class.getName()
        + ") failed to start: topology resource 'no/such/topology.yaml' is not on the test classpath");
  }

  @Test
  void should_not_try_again_when_the_class_environment_failed_to_start() {
    // when
    EngineExecutionResults results = Specimens.run(MissingTopologyTwice.class);

    // then: both tests fail with the one remembered start failure
    List<Throwable> causes = results.testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getCause()).toList();
    assertThat(causes).hasSize(2);
    assertThat(causes.get(0)).isSameAs(causes.get(1)).hasMessageEndingWith("is not on the test classpath");
  }

  @Test
  void should_echo_the_entry_when_defects_are_malformed() {
    // when
    Throwable failure = onlyFailure(Specimens.run(BadDefects.class));

    // then
    assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessageEndingWith(
        ".start(dev.chaosharness.core.env.Environment)]: @HarnessTest on " + BadDefects.class.getName()
            + ": defects must be 'service=switch[,switch...]', but was 'payment'");
  }

  @Test
  void should_not_run_a_specimen_outside_engine_test_kit() {
    // when: the Jupiter engine runs a specimen without the self-test switch
    EngineExecutionResults results = org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(ProxyOff.class)).execute();

    // then
    results.containerEvents().assertStatistics(stats -> stats.skipped(1));
    results.testEvents().assertStatistics(stats -> stats.started(0));
  }

  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).as("failed tests").hasSize(1);
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  private static ClassLoader loaderWithServices(Path dir, String... drivers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.write(services.resolve(Traffic.class.getName()), List.of(drivers));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, HarnessExtensionErrorsTest.class.getClassLoader());
  }

  private static <T> T withContextLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
