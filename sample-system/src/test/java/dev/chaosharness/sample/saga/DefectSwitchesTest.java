package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.ServiceConfig;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefectSwitchesTest {

  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @AfterEach
  void restoreHealthyServices() {
    for (String service : List.of("order", "payment", "stock")) {
      if (shop.service(service) == null || !shop.service(service).kit().config().defects().enabled().isEmpty()
          || !shop.service(service).kit().config().kafkaBootstrapServers().equals(shop.kafka.bootstrapServers())) {
        shop.restart(service, Defects.none());
      }
    }
  }

  @Test
  void should_charge_twice_and_emit_a_second_payment_when_payment_is_not_idempotent() throws Exception {
    // given
    shop.restart("payment", Defects.parse(Defects.PAYMENT_NOT_IDEMPOTENT));
    String orderId = Saga.place(shop, order("SKU-030", 1, "4242424242424242", "1 Test Street"));
    Saga.awaitStatus(shop, orderId);
    byte[] created = shop.log.forOrder(orderId).stream()
        .filter(r -> r.event() != null && r.event().type().equals("OrderCreated")).findFirst().orElseThrow().value();

    // when
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.ORDERS, orderId, created)).get();
    }

    // then
    List<EventEnvelope> payments = await().atMost(Saga.TIMEOUT).until(() -> shop.log.events(orderId).stream()
        .filter(e -> e.type().equals("PaymentProcessed")).toList(), list -> list.size() >= 2);
    assertThat(payments.get(0).eventId()).isNotEqualTo(payments.get(1).eventId());
    int charges = 0;
    for (JsonNode charge : shop.getJson("payment-provider", "/charges")) {
      if (charge.path("idempotencyKey").asText().startsWith(orderId)) {
        charges++;
      }
    }
    assertThat(charges).isEqualTo(2);
  }

  @Test
  void should_break_per_key_partitioning_of_stock_events_when_stock_is_unordered() throws Exception {
    // given
    String healthy = Saga.place(shop, order("SKU-031", 1, "4242424242424242", "1 Test Street"));
    Saga.awaitEvents(shop, healthy, 5);
    assertThat(partitionsOf(healthy, "StockReserved")).isEqualTo(partitionsOf(healthy, "OrderCreated"));
    shop.restart("stock", Defects.parse(Defects.STOCK_UNORDERED));

    // when
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(Saga.place(shop, order("SKU-032", 1, "4242424242424242", "1 Test Street")));
    }
    for (String orderId : orders) {
      Saga.awaitEvents(shop, orderId, 5);
    }

    // then
    assertThat(orders).anySatisfy(orderId ->
        assertThat(partitionsOf(orderId, "StockReserved")).isNotEqualTo(partitionsOf(orderId, "OrderCreated")));
  }

  @Test
  void should_lose_the_order_created_event_of_an_accepted_order_when_order_publishes_without_outbox()
      throws Exception {
    // given: the order service cannot reach the broker, first healthy, then with the defect
    ServiceConfig unreachable = shop.service("order").kit().config()
        .withKafka("127.0.0.1:" + SampleShop.freePort());
    shop.stop("order");
    shop.start(unreachable);
    String kept = Saga.place(shop, order("SKU-033", 1, "4242424242424242", "1 Test Street"));
    shop.stop("order");
    shop.start(unreachable.withDefects(Defects.parse(Defects.ORDER_NO_OUTBOX)));

    // when
    String lost = Saga.place(shop, order("SKU-033", 1, "4242424242424242", "1 Test Street"));

    // then: counted while the broker is still unreachable; once it is back, the kept order completes
    // and its OrderCompleted joins the outbox
    assertThat(outboxRows(kept)).isEqualTo(1);
    assertThat(outboxRows(lost)).isZero();
    shop.restart("order", Defects.none());
    assertThat(Saga.awaitStatus(shop, kept)).isEqualTo("COMPLETED");
    assertThat(shop.getJson("order", "/orders/" + lost).path("status").asText()).isEqualTo("PENDING");
    assertThat(shop.log.types(lost)).isEmpty();
  }

  @Test
  void should_not_refund_after_stock_insufficient_when_payment_ignores_compensation() throws Exception {
    // given
    shop.restart("payment", Defects.parse(Defects.PAYMENT_NO_REFUND));

    // when
    String orderId = Saga.place(shop, order("SKU-EMPTY", 1, "4242424242424242", "1 Test Street"));

    // then
    assertThat(Saga.awaitStatus(shop, orderId)).isEqualTo("FAILED");
    await().atMost(Saga.TIMEOUT).until(() -> shop.service("payment").kit().metrics()
        .counter("events.consumed", "type", "StockInsufficient", "outcome", "ignored").count() >= 1);
    assertThat(shop.log.types(orderId)).containsExactlyInAnyOrder("OrderCreated", "PaymentProcessed",
        "StockInsufficient", "OrderFailed");
  }

  private static List<Integer> partitionsOf(String orderId, String type) {
    return shop.log.forOrder(orderId).stream().filter(r -> r.event() != null && r.event().type().equals(type))
        .map(EventLog.Observed::partition).toList();
  }

  private static int outboxRows(String orderId) throws Exception {
    try (Connection c = shop.connect("order");
        PreparedStatement s = c.prepareStatement("select count(*) from outbox where order_id = ?")) {
      s.setString(1, orderId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
