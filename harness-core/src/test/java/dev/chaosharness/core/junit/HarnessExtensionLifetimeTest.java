package dev.chaosharness.core.junit;

import static dev.chaosharness.core.junit.HarnessExtensionInjectionTest.TINY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Three PER_RUN specimens run in one engine execution: two with equal settings share one
 * environment, the third (other defects) gets its own; all stop when the run ends.
 */
class HarnessExtensionLifetimeTest {

  static final Map<String, EmbeddedEnvironment> SEEN = new ConcurrentHashMap<>();
  static final Map<String, Boolean> ALIVE = new ConcurrentHashMap<>();
  static final Map<String, String> DEFECTS = new ConcurrentHashMap<>();

  private static EngineExecutionResults results;

  @SelfTest
  @HarnessTest(topology = TINY, lifetime = Lifetime.PER_RUN)
  static class SharedA {
    @Test
    void run(EmbeddedEnvironment env) throws Exception {
      see("A", env);
    }
  }

  @SelfTest
  @HarnessTest(topology = TINY, lifetime = Lifetime.PER_RUN)
  static class SharedB {
    @Test
    void run(EmbeddedEnvironment env) throws Exception {
      see("B", env);
    }
  }

  @SelfTest
  @HarnessTest(topology = TINY, lifetime = Lifetime.PER_RUN, defects = "echo=other-switch")
  static class OtherDefects {
    @Test
    void run(EmbeddedEnvironment env) throws Exception {
      see("C", env);
    }
  }

  private static void see(String name, EmbeddedEnvironment env) throws Exception {
    SEEN.put(name, env);
    ALIVE.put(name, env.process("kafka").orElseThrow().isAlive());
    String variables = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(env.target().service("echo").baseUrl() + "/env")).build(), HttpResponse.BodyHandlers.ofString()).body();
    DEFECTS.put(name, variables.lines().filter(l -> l.startsWith("SAMPLE_DEFECTS=")).findFirst().orElse("(none)"));
  }

  @BeforeAll
  static void runSpecimens() {
    SEEN.clear();
    results = Specimens.run(SharedA.class, SharedB.class, OtherDefects.class);
  }

  @Test
  void should_share_one_environment_when_classes_have_equal_settings() {
    // then: the second class found the first one's environment still running
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN.get("B")).isSameAs(SEEN.get("A"));
    assertThat(ALIVE).containsEntry("A", true).containsEntry("B", true);
  }

  @Test
  void should_start_another_environment_when_the_settings_differ() {
    // then
    assertThat(SEEN.get("C")).isNotSameAs(SEEN.get("A"));
    assertThat(SEEN.get("C").target().service("echo").baseUrl()).isNotEqualTo(SEEN.get("A").target().service("echo").baseUrl());
    assertThat(DEFECTS).containsEntry("C", "SAMPLE_DEFECTS=other-switch").containsEntry("A", "(none)");
  }

  @Test
  void should_stop_every_environment_when_the_run_ends() {
    // then
    SEEN.forEach((name, env) -> assertThat(env.process("kafka").orElseThrow().isAlive()).as(name).isFalse());
  }
}
