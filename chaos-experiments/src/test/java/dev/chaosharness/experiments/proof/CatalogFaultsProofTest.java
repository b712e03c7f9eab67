package dev.chaosharness.experiments.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.check.SagaChecker;
import dev.chaosharness.core.check.Verdict;
import dev.chaosharness.core.fault.FaultLedger;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.fault.PoisonEventFault;
import dev.chaosharness.core.fault.RewindOffsetsFault;
import dev.chaosharness.core.kpi.ConsumerLag;
import dev.chaosharness.sample.smoke.SagaPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's Kafka faults against the clean embedded shop: a rewound group is read again and
 * deduplicated, a poison event is set aside while the saga goes on, and a paused consumer builds
 * lag that drains after it resumes; the history still holds every invariant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogFaultsProofTest {

  @TempDir static Path workDir;
  private static ShopDriver shop;
  private static final List<String> placed = new ArrayList<>();

  @BeforeAll
  static void start() {
    shop = ShopDriver.start(workDir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  @Order(1)
  void should_redeliver_order_created_to_payment_and_have_it_deduplicated_when_offsets_are_rewound()
      throws Exception {
    // given
    List<String> orders = place(9, "c-proof-rewind");
    assertThat(shop.awaitTerminal(orders)).containsOnly("COMPLETED");
    // 18 per partition: more than the topic holds there (nine OrderCreated and nine OrderCompleted
    // in all), so the group goes back to the start of every partition and meets each OrderCreated
    RewindOffsetsFault rewind = Faults.rewindOffsets("payment", "orders.events", 18);

    // when
    try (FaultLedger ledger = FaultLedger.open(shop.faultTarget())) {
      ledger.inject(rewind);
    }

    // then: the group went back over the nine OrderCreated and at most every record; each reaches
    // payment's inbox again (its charge is started again too, harmless under the provider's key)
    assertThat(rewind.rewoundRecords()).isBetween(9L, 18L);
    await("payment's inbox to see the redelivered events").atMost(Duration.ofSeconds(30))
        .until(() -> shop.metric("payment", "inbox_duplicates_total"), d -> d >= 9);
  }

  @Test
  @Order(2)
  void should_set_the_poison_event_aside_and_go_on_when_one_is_published() throws Exception {
    // given
    PoisonEventFault poison = Faults.poisonEvent("orders.events");

    // when
    try (FaultLedger ledger = FaultLedger.open(shop.faultTarget())) {
      ledger.inject(poison);
    }
    List<String> after = place(3, "c-proof-poison");

    // then
    assertThat(shop.awaitTerminal(after)).containsOnly("COMPLETED");
    List<ConsumerRecord<String, byte[]>> faults = await("the poison event on orders.events.faults")
        .atMost(Duration.ofSeconds(30)).until(() -> readAll("orders.events.faults").stream()
            .filter(r -> r.key().equals(poison.key())).toList(), list -> !list.isEmpty());
    assertThat(new String(faults.get(0).headers().lastHeader("source").value()))
        .isEqualTo(poison.position());
  }

  @Test
  @Order(3)
  void should_build_consumer_lag_while_shipping_is_paused_and_drain_it_after() throws Exception {
    try (ConsumerLag lag = ConsumerLag.open(shop.bootstrap());
        FaultLedger ledger = FaultLedger.open(shop.faultTarget())) {
      // given
      long before = lag.of("shipping", List.of("stock.events"));

      // when
      ledger.inject(Faults.pause("shipping"));
      List<String> first = place(4, "c-proof-lag");
      long early = await().atMost(Duration.ofSeconds(30)).until(() -> lag.of("shipping", List.of("stock.events")),
          l -> l >= before + 4);
      List<String> second = place(4, "c-proof-lag");
      long late = await().atMost(Duration.ofSeconds(30)).until(() -> lag.of("shipping", List.of("stock.events")),
          l -> l >= early + 4);
      ledger.revertAll();

      // then
      assertThat(late).isGreaterThan(early).isGreaterThan(before);
      List<String> all = new ArrayList<>(first);
      all.addAll(second);
      assertThat(shop.awaitTerminal(all)).containsOnly("COMPLETED");
      assertThat(lag.of("shipping", List.of("stock.events"))).isZero();
    }
  }

  @Test
  @Order(4)
  void should_hold_every_invariant_over_the_whole_history_when_the_shop_is_clean() throws Exception {
    // when
    Verdict verdict = shop.observeAndCheck(SagaChecker.of(ShopDriver.sampleSpec()).withAccepted(placed));

    // then
    assertThat(verdict.holds()).as(verdict.toText()).isTrue();
    assertThat(verdict.sagas()).isGreaterThanOrEqualTo(placed.size());
  }

  private static List<String> place(int count, String customer) throws Exception {
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(shop.place(SagaPath.SUCCESS.requestBody(customer)));
    }
    placed.addAll(orders);
    return orders;
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrap()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
