package dev.chaosharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.KafkaBrokerConfig;
import dev.chaosharness.core.env.PassThroughLinkRouter;
import dev.chaosharness.core.env.ProcessSupervisor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka faults against a real broker: rewinding a live group's offsets, and publishing a poison event. */
class KafkaFaultsTest {

  @TempDir static Path workDir;
  static ProcessSupervisor supervisor;
  static KafkaBroker broker;
  static FaultTarget target;
  static ConsumingService payment;

  @BeforeAll
  static void start() throws Exception {
    supervisor = new ProcessSupervisor();
    try (PassThroughLinkRouter noLinks = new PassThroughLinkRouter()) {
      broker = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(workDir).build(), noLinks);
    }
    broker.awaitReady();
    broker.createTopics(List.of("orders.events", "stock.events"), 3);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
        new StringSerializer())) {
      for (int i = 0; i < 60; i++) {
        producer.send(new ProducerRecord<>("orders.events", "order-" + i, "event-" + i));
      }
      producer.flush();
    }
    payment = new ConsumingService("payment", broker.bootstrapServers(), "orders.events");
    target = FaultTarget.builder().kafka(broker.bootstrapServers()).process("payment", payment).build();
  }

  @AfterAll
  static void stop() {
    if (payment != null) {
      payment.close();
    }
    broker.close();
    supervisor.close();
  }

  @Test
  void should_make_the_service_read_the_last_records_again_when_its_group_is_rewound() {
    // given: the service read and committed all 60 records
    payment.awaitRead(60, Duration.ofSeconds(30));
    int before = payment.read().size();
    int incarnation = payment.incarnation();
    RewindOffsetsFault fault = Faults.rewindOffsets("payment", "orders.events", 5);

    // when
    try (FaultLedger ledger = FaultLedger.open(target)) {
      ledger.inject(fault);
      payment.awaitRead(before + 15, Duration.ofSeconds(30));
    }

    // then: killed and restarted once, then 5 records of each of the 3 partitions read again
    assertThat(payment.incarnation()).isEqualTo(incarnation + 1);
    assertThat(fault.rewoundRecords()).isEqualTo(15);
    List<String> again = payment.read().subList(before, before + 15);
    assertThat(again).doesNotHaveDuplicates()
        .allSatisfy(v -> assertThat(payment.read().indexOf(v)).isLessThan(before));
    assertThat(fault.describe())
        .isEqualTo("rewind-offsets of group payment on orders.events by 5 records per partition (restarts payment)");
  }

  @Test
  void should_refuse_to_rewind_and_still_restart_the_service_when_the_group_never_read_the_topic() {
    // given
    payment.awaitRead(60, Duration.ofSeconds(30));
    int incarnation = payment.incarnation();
    RewindOffsetsFault fault = Faults.rewindOffsets("payment", "stock.events", Duration.ofSeconds(30));

    // when / then
    assertThatThrownBy(() -> fault.inject(target)).isInstanceOf(FaultException.class)
        .hasMessage("Consumer group 'payment' has no committed offsets on topic 'stock.events'; nothing to rewind. "
            + "Does payment consume stock.events as group 'payment'?");
    assertThat(payment.incarnation()).isEqualTo(incarnation + 1);
  }

  @Test
  void should_publish_a_record_that_is_not_an_event_under_a_fresh_key_when_a_poison_event_is_injected() {
    // given
    PoisonEventFault fault = Faults.poisonEvent("stock.events").withRandom(new SplittableRandom(7))
        .onKafka(broker.bootstrapServers());

    // when: a target without Kafka of its own
    fault.inject(FaultTarget.builder().build());
    fault.revert();

    // then
    ConsumerRecord<String, byte[]> poison = readAll("stock.events").stream()
        .filter(r -> r.key().equals(fault.key())).findFirst().orElseThrow();
    assertThat(fault.key()).startsWith("poison-");
    assertThat(new String(poison.value(), StandardCharsets.UTF_8)).startsWith("{\"poison\": this is not");
    assertThat(new String(poison.headers().lastHeader("chaos-harness-fault").value(), StandardCharsets.UTF_8))
        .isEqualTo("poison-event");
    assertThat(fault.position()).isEqualTo("stock.events-" + poison.partition() + "@" + poison.offset());
    assertThat(fault.describe()).isEqualTo("poison-event on stock.events (key " + fault.key() + ")");
  }

  @Test
  void should_name_the_missing_setting_when_the_target_has_no_kafka() {
    assertThatThrownBy(() -> Faults.poisonEvent("orders.events").inject(FaultTarget.builder().build()))
        .isInstanceOf(FaultException.class)
        .hasMessage("No Kafka bootstrap servers configured for Kafka faults; "
            + "set them with FaultTarget.builder().kafka(env.target().kafka().bootstrapServers())");
    assertThatThrownBy(() -> Faults.rewindOffsets("payment", "orders.events", 0))
        .hasMessage("records to rewind must be > 0, but was 0");
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
