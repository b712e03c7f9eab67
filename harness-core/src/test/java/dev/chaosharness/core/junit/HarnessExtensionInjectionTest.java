package dev.chaosharness.core.junit;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.env.EmbeddedEnvironment;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.experiment.ExperimentFile;
import dev.chaosharness.core.experiment.ExperimentRunner;
import dev.chaosharness.core.experiment.Journal;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.proxy.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Two PER_CLASS specimens over a tiny topology (one service linked to Kafka through the fault
 * proxy), run once through EngineTestKit: what they were injected with, and the proxy's toxics
 * between their tests.
 */
class HarnessExtensionInjectionTest {

  static final String TINY = "dev/chaosharness/core/junit/tiny-topology.yaml";
  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  private static EngineExecutionResults results;

  @SelfTest
  @HarnessTest(topology = TINY)
  static class Injected {

    Injected(Environment env, FaultLedger ledger) {
      SEEN.merge("constructor env", List.of(env), (a, b) -> concat(a, b));
      SEEN.merge("constructor ledgers", List.of(ledger), (a, b) -> concat(a, b));
    }

    @BeforeAll
    static void beforeAll(EmbeddedEnvironment env, FaultProxy proxy, FaultLedger classLedger) {
      SEEN.put("beforeAll env", env);
      SEEN.put("beforeAll ledger", classLedger);
      SEEN.put("beforeAll proxy", proxy);
    }

    @BeforeEach
    void beforeEach(FaultLedger ledger, TestInfo test) {
      SEEN.put("beforeEach ledger " + test.getTestMethod().orElseThrow().getName(), ledger);
    }

    @Test
    void first(Environment env, FaultLedger ledger, HistoryRecorder history, TimelineRecorder timeline) throws Exception {
      SEEN.put("first env", env);
      SEEN.put("first ledger", ledger);
      publishOrderCreated(env.target().kafka().bootstrapServers(), "o-1");
      EventHistory events = history.stop();
      SEEN.put("history", List.of(events.size(), events.type(0), events.orderId(0), history.topics(), history.file()));
      timeline.recorder().record(Instant.now(), ofMillis(5), true);
      await("a first KPI sample").atMost(Duration.ofSeconds(10)).until(() -> !timeline.timeline().samples().isEmpty());
      SEEN.put("timeline samples", timeline.stop().samples().size());
    }

    @Test
    void second(Environment env, FaultLedger ledger) {
      SEEN.put("second env", env);
      SEEN.put("second ledger", ledger);
    }

    @Test
    void third(ExperimentRunner runner, EmbeddedEnvironment env, FaultProxy proxy) throws Exception {
      Journal journal = runner.run(ExperimentFile.readResource("dev/chaosharness/core/junit/echo-latency.yaml"));
      SEEN.put("journal", journal);
      SEEN.put("toxics after the experiment", ProxyToxics.of(proxy));
      try (Stream<Path> files = Files.walk(env.workDir().resolve("experiments"))) {
        SEEN.put("experiment files", files.map(f -> f.getFileName().toString()).toList());
      }
    }
  }

  @SelfTest
  @HarnessTest(topology = TINY)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class LeavesFaults {

    @Test
    @Order(1)
    void leaves_latency_and_passes(FaultLedger ledger, FaultProxy proxy, Environment env) {
      SEEN.put("LeavesFaults env", env);
      ledger.inject(Faults.latency(ofMillis(100)).on("echo->kafka"));
      SEEN.put("toxics during 1", ProxyToxics.of(proxy));
    }

    @Test
    @Order(2)
    void leaves_latency_and_fails(FaultLedger ledger, FaultProxy proxy) {
      SEEN.put("toxics before 2", ProxyToxics.of(proxy));
      ledger.inject(Faults.latency(ofMillis(100)).on("echo->kafka"));
      SEEN.put("toxics during 2", ProxyToxics.of(proxy));
      throw new AssertionError("failing on purpose with a fault in");
    }

    @Test
    @Order(3)
    void reads_toxics(FaultProxy proxy) {
      SEEN.put("toxics before 3", ProxyToxics.of(proxy));
    }
  }

  @BeforeAll
  static void runSpecimens() {
    SEEN.clear();
    results = Specimens.run(Injected.class, LeavesFaults.class);
  }

  @Test
  void should_run_every_specimen_test_when_injection_works() {
    // then: only the test that fails on purpose failed
    results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(5).failed(1));
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .hasMessage("failing on purpose with a fault in");
  }

  @Test
  void should_inject_one_environment_into_constructor_lifecycle_and_test_methods_when_per_class() {
    // then
    Object env = SEEN.get("first env");
    assertThat(env).isInstanceOf(EmbeddedEnvironment.class);
    assertThat((List<?>) SEEN.get("constructor env")).hasSize(3).allMatch(e -> e == env);
    assertThat(SEEN.get("beforeAll env")).isSameAs(env);
    assertThat(SEEN.get("second env")).isSameAs(env);
    assertThat(((Environment) env).target().proxyApiUrl())
        .isEqualTo(((FaultProxy) SEEN.get("beforeAll proxy")).apiUrl().toString());
    assertThat(SEEN.get("LeavesFaults env")).as("another class, another environment").isNotSameAs(env);
  }

  @Test
  void should_stop_each_class_environment_when_its_class_ends() {
    // then
    for (String key : List.of("first env", "LeavesFaults env")) {
      EmbeddedEnvironment env = (EmbeddedEnvironment) SEEN.get(key);
      assertThat(env.process("kafka").orElseThrow().isAlive()).as(key + " kafka alive").isFalse();
      assertThat(env.process("echo").orElseThrow().isAlive()).as(key + " echo alive").isFalse();
    }
  }

  @Test
  void should_inject_one_ledger_per_test_when_lifecycle_methods_and_tests_ask() {
    // then
    assertThat(SEEN.get("beforeEach ledger first")).isSameAs(SEEN.get("first ledger"));
    assertThat(SEEN.get("beforeEach ledger second")).isSameAs(SEEN.get("second ledger"));
    assertThat(SEEN.get("first ledger")).isNotSameAs(SEEN.get("second ledger"));
    assertThat(list("constructor ledgers")).as("a constructor gets its test's ledger")
        .contains(SEEN.get("first ledger"), SEEN.get("second ledger")).doesNotHaveDuplicates();
    assertThat(SEEN.get("beforeAll ledger")).as("the class's own ledger").isNotSameAs(SEEN.get("first ledger"))
        .isNotSameAs(SEEN.get("second ledger"));
  }

  @Test
  void should_revert_the_faults_a_test_left_when_it_passed_and_when_it_failed() {
    // then: the proxy's API shows the latency while each test ran, and none after it
    assertThat((List<?>) SEEN.get("toxics during 1")).hasSize(1).allMatch(t -> t.toString().startsWith("echo->kafka/"));
    assertThat((List<?>) SEEN.get("toxics before 2")).as("after the passing test").isEmpty();
    assertThat((List<?>) SEEN.get("toxics during 2")).hasSize(1);
    assertThat((List<?>) SEEN.get("toxics before 3")).as("after the failing test").isEmpty();
  }

  @Test
  void should_record_the_saga_topics_from_injection_on_when_a_history_recorder_is_injected() throws Exception {
    // then
    @SuppressWarnings("unchecked")
    List<Object> history = (List<Object>) SEEN.get("history");
    assertThat(history.subList(0, 4)).containsExactly(1, "OrderCreated", "o-1", List.of("test.events"));
    assertThat(Files.readAllLines((Path) history.get(4))).hasSize(1);
  }

  @Test
  void should_sample_the_timeline_when_a_timeline_recorder_is_injected() {
    // then
    assertThat((Integer) SEEN.get("timeline samples")).isPositive();
  }

  @Test
  void should_run_an_experiment_on_the_class_environment_when_an_experiment_runner_is_injected() {
    // then: the fault hit the environment's own link, was reverted, and the journal was written there
    Journal journal = (Journal) SEEN.get("journal");
    HarnessAssertions.assertThat(journal).passed().completed().hypothesisHeld().goalsMet();
    assertThat(journal.faults()).singleElement().satisfies(f -> assertThat(f.fault()).contains("echo->kafka"));
    assertThat((List<?>) SEEN.get("toxics after the experiment")).isEmpty();
    assertThat(list("experiment files")).contains("journal.json");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String key) {
    return (List<Object>) SEEN.get(key);
  }

  private static List<Object> concat(Object a, Object b) {
    List<Object> all = new java.util.ArrayList<>((List<?>) a);
    all.addAll((List<?>) b);
    return all;
  }

  private static void publishOrderCreated(String bootstrap, String orderId) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("test.events", orderId, "{\"eventId\":\"" + UUID.randomUUID()
          + "\",\"type\":\"OrderCreated\",\"orderId\":\"" + orderId + "\",\"occurredAt\":\"2026-11-22T01:00:00Z\","
          + "\"source\":\"order\",\"causationId\":null,\"synthetic\":true,\"payload\":{}}")).get(20, TimeUnit.SECONDS);
    }
  }
}
