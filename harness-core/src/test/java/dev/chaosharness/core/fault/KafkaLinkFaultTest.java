package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.KafkaBrokerConfig;
import dev.chaosharness.core.env.ProcessSupervisor;
import dev.chaosharness.core.proxy.FaultProxy;
import dev.chaosharness.core.proxy.FaultProxyConfig;
import dev.chaosharness.core.proxy.FaultProxyLinkRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Kafka broker whose client link runs through the fault proxy, faulted by name. */
class KafkaLinkFaultTest {

  @TempDir static Path workDir;
  static ProcessSupervisor supervisor;
  static FaultProxy faultProxy;
  static FaultProxyLinkRouter router;
  static KafkaBroker broker;

  @BeforeAll
  static void start() {
    supervisor = new ProcessSupervisor();
    faultProxy = FaultProxy.start(FaultProxyConfig.ofDefaults());
    router = FaultProxyLinkRouter.of(faultProxy);
    broker = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(workDir).link("order->kafka").build(), router);
    broker.awaitReady();
    broker.createTopics(List.of("orders.events"), 1);
  }

  @AfterAll
  static void stop() {
    broker.close();
    router.close();
    faultProxy.close();
    supervisor.close();
  }

  @Test
  void should_slow_produce_acks_while_latency_is_injected_on_the_link_and_not_after_revert() throws Exception {
    try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers("order->kafka"))) {
      // given a warm producer (metadata fetched, connection open)
      sendMillis(producer);
      long before = sendMillis(producer);
      FaultTarget target = FaultTarget.builder().toxiproxy(faultProxy.apiUrl()).build();

      // when
      long during;
      try (FaultLedger ledger = FaultLedger.open(target)) {
        ledger.inject(Faults.latency(Duration.ofMillis(400)).on("order->kafka"));
        during = sendMillis(producer);
      }
      long after = sendMillis(producer);

      // then
      assertThat(during).isGreaterThanOrEqualTo(380);
      assertThat(during - before).isGreaterThanOrEqualTo(300);
      assertThat(after).isLessThan(during);
    }
  }

  private static long sendMillis(KafkaProducer<String, String> producer) throws Exception {
    long start = System.nanoTime();
    producer.send(new ProducerRecord<>("orders.events", "order-1", "OrderCreated")).get();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }
}
