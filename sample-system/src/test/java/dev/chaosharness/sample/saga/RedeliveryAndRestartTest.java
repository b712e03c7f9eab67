package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedeliveryAndRestartTest {

  private static SampleShop shop;
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  @AfterAll
  static void stop() {
    producer.close();
  }

  @Test
  void should_change_nothing_when_an_order_created_event_is_delivered_again() throws Exception {
    // given
    String orderId = Saga.place(shop, order("SKU-020", 1, "4242424242424242", "1 Test Street"));
    Saga.awaitStatus(shop, orderId);
    Saga.awaitEvents(shop, orderId, 5);
    EventLog.Observed created = shop.log.forOrder(orderId).stream()
        .filter(r -> r.event() != null && r.event().type().equals("OrderCreated")).findFirst().orElseThrow();
    double duplicatesBefore = duplicates("payment");

    // when
    producer.send(new ProducerRecord<>(Topics.ORDERS, orderId, created.value())).get();

    // then
    await().atMost(Saga.TIMEOUT).until(() -> duplicates("payment") > duplicatesBefore);
    assertThat(shop.log.types(orderId)).filteredOn("PaymentProcessed"::equals).hasSize(1);
    assertThat(shop.log.types(orderId)).filteredOn("OrderCreated"::equals).hasSize(2);
    assertThat(shop.getJson("order", "/orders/" + orderId).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void should_send_a_poison_event_to_the_fault_topic_and_keep_consuming_when_it_cannot_be_parsed() throws Exception {
    // given
    String key = "poison-" + System.nanoTime();

    // when
    producer.send(new ProducerRecord<>(Topics.STOCK, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
    String orderId = Saga.place(shop, order("SKU-021", 1, "4242424242424242", "1 Test Street"));

    // then
    await().atMost(Saga.TIMEOUT).until(() -> shop.log.forOrder(key).stream()
        .filter(r -> r.topic().equals("stock.events.faults")).count() >= 2);
    assertThat(Saga.awaitStatus(shop, orderId)).isEqualTo("COMPLETED");
    assertThat(shop.get("shipping", "/metrics").body())
        .contains("events_fault_total{service=\"shipping\",topic=\"stock.events\"}");
  }

  @Test
  void should_resume_and_complete_the_saga_when_a_stopped_service_restarts() throws Exception {
    // given
    shop.stop("shipping");
    String orderId = Saga.place(shop, order("SKU-022", 1, "4242424242424242", "1 Test Street"));
    await().atMost(Saga.TIMEOUT).until(() -> shop.log.types(orderId).contains("StockReserved"));
    Thread.sleep(500);
    assertThat(shop.getJson("order", "/orders/" + orderId).path("status").asText()).isEqualTo("PENDING");

    // when
    shop.start("shipping", Defects.none());

    // then
    assertThat(Saga.awaitStatus(shop, orderId)).isEqualTo("COMPLETED");
    assertThat(Saga.types(Saga.awaitEvents(shop, orderId, 5))).containsExactly("OrderCreated", "PaymentProcessed",
        "StockReserved", "ShipmentScheduled", "OrderCompleted");
  }

  private static double duplicates(String service) {
    var counter = shop.service(service).kit().metrics().registry().find("inbox.duplicates").counter();
    return counter == null ? 0 : counter.count();
  }
}
