package dev.chaosharness.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real broker process for the class: links, topics, kill and restart. */
class KafkaBrokerTest {

  @TempDir static Path workDir;
  private static ProcessSupervisor supervisor;
  private static PassThroughLinkRouter router;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() {
    supervisor = new ProcessSupervisor();
    router = new PassThroughLinkRouter();
    broker = KafkaBroker.launch(supervisor,
        KafkaBrokerConfig.builder(workDir).link("tester->kafka").build(), router);
    Duration ready = broker.awaitReady();
    System.out.printf("kafka: ready in %d ms%n", ready.toMillis());
  }

  @AfterAll
  static void stop() {
    broker.close();
    router.close();
    supervisor.close();
  }

  @Test
  void should_keep_every_committed_record_when_killed_and_restarted() throws Exception {
    // given
    broker.createTopics(List.of("durable"), 3);
    KafkaClients.produce(broker.bootstrapServers(), "durable", 500);
    // when
    broker.process().kill();
    long restartedAt = System.nanoTime();
    broker.process().restart();
    Duration toWrite = KafkaClients.firstAcceptedWrite(
        broker.bootstrapServers(), "durable", Duration.ofSeconds(60));
    System.out.printf("kafka: restart to first accepted write %d ms (%d ms since restart)%n",
        toWrite.toMillis(), (System.nanoTime() - restartedAt) / 1_000_000);
    // then
    List<String> values = KafkaClients.consumeAll(
        broker.bootstrapServers("tester->kafka"), "durable", 502, Duration.ofSeconds(30));
    assertThat(values).hasSize(502).contains("value-0", "value-499", "value-last", "probe");
  }

  @Test
  void should_advertise_link_address_when_client_bootstraps_through_link() throws Exception {
    // given
    broker.createTopics(List.of("linked"), 1);
    int before = router.connections("tester->kafka");
    // when
    KafkaClients.produce(broker.bootstrapServers("tester->kafka"), "linked", 3);
    // then: the bootstrap connection and the connection to the advertised node both went through
    assertThat(router.connections("tester->kafka") - before).isGreaterThanOrEqualTo(2);
    assertThat(broker.topics()).contains("durable", "linked");
  }

  @Test
  void should_name_known_links_when_link_is_unknown() {
    assertThatThrownBy(() -> broker.bootstrapServers("nobody->kafka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Kafka link 'nobody->kafka' does not exist; known links: [tester->kafka]");
  }
}
