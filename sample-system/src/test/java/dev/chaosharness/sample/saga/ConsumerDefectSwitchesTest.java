package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.ServiceConfig;
import dev.chaosharness.sample.kit.Topics;
import io.micrometer.core.instrument.Gauge;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer-side defect switches, each seen misbehaving under the fault it is paired with in the
 * chaos catalog: an unavailable or slow provider, a service down while events arrive, a poison event.
 */
class ConsumerDefectSwitchesTest {

  private static final String CARD = "4242424242424242";
  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @AfterEach
  void restoreHealthyServices() {
    for (String service : List.of("payment", "shipping")) {
      shop.restart(service, Defects.none());
    }
  }

  @Test
  void should_dead_letter_the_order_created_and_leave_the_order_pending_when_outages_are_poison() throws Exception {
    // given: payment with the defect, and a provider that refuses connections
    shop.stop("payment");
    shop.start(withProvider("http://127.0.0.1:" + SampleShop.freePort(), Defects.OUTAGE_IS_POISON));

    // when
    String orderId = Saga.place(shop, order("SKU-040", 1, CARD, "1 Test Street"));

    // then
    await().atMost(Saga.TIMEOUT).until(() -> topics(orderId).contains(Topics.faults(Topics.ORDERS)));
    assertThat(shop.getJson("order", "/orders/" + orderId).path("status").asText()).isEqualTo("PENDING");
    assertThat(shop.log.types(orderId)).containsExactly("OrderCreated");
  }

  @Test
  void should_complete_with_a_slow_provider_and_dead_letter_with_slow_transactions_as_poison() throws Exception {
    // given: a provider that answers every charge after 1.2 s, under the gateway's 2 s timeout
    HttpServer slow = slowProvider(Duration.ofMillis(1_200));
    try {
      String url = "http://127.0.0.1:" + slow.getAddress().getPort();
      shop.stop("payment");
      shop.start(withProvider(url));
      String healthyOrder = Saga.place(shop, order("SKU-041", 1, CARD, "1 Test Street"));
      assertThat(Saga.awaitStatus(shop, healthyOrder)).isEqualTo("COMPLETED");
      shop.stop("payment");
      shop.start(withProvider(url, Defects.SLOW_TX_IS_POISON));

      // when
      String orderId = Saga.place(shop, order("SKU-041", 1, CARD, "1 Test Street"));

      // then: three transactions over the 1 s deadline, then the fault topic
      await().atMost(Saga.TIMEOUT).until(() -> topics(orderId).contains(Topics.faults(Topics.ORDERS)));
      assertThat(shop.getJson("order", "/orders/" + orderId).path("status").asText()).isEqualTo("PENDING");
      assertThat(shop.log.types(orderId)).containsExactly("OrderCreated");
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void should_never_read_what_was_published_while_down_when_the_consumer_starts_from_latest() throws Exception {
    // given: payment is down while an order is placed
    shop.stop("payment");
    String whileDown = Saga.place(shop, order("SKU-042", 1, CARD, "1 Test Street"));
    await().atMost(Saga.TIMEOUT).until(() -> shop.log.types(whileDown).contains("OrderCreated"));

    // when: it starts again with the defect, and a second order comes in once it has its partitions
    shop.start("payment", Defects.parse(Defects.CONSUMER_FROM_LATEST));
    await().atMost(Saga.TIMEOUT).until(() -> assignedPartitions("payment") >= 3);
    String afterStart = Saga.place(shop, order("SKU-042", 1, CARD, "1 Test Street"));

    // then
    assertThat(Saga.awaitStatus(shop, afterStart)).isEqualTo("COMPLETED");
    assertThat(shop.getJson("order", "/orders/" + whileDown).path("status").asText()).isEqualTo("PENDING");
    assertThat(shop.log.types(whileDown)).containsExactly("OrderCreated");
  }

  @Test
  void should_drop_the_reservation_that_waited_while_shipping_was_down_when_stale_events_are_dropped()
      throws Exception {
    // given: shipping is down while a reservation waits for it longer than 5 s
    shop.stop("shipping");
    String waited = Saga.place(shop, order("SKU-043", 1, CARD, "1 Test Street"));
    await().atMost(Saga.TIMEOUT).until(() -> shop.log.types(waited).contains("StockReserved"));
    Thread.sleep(Defects.STALE_AFTER_MILLIS + 1_000);

    // when
    shop.start("shipping", Defects.parse(Defects.DROP_STALE_EVENTS));
    String fresh = Saga.place(shop, order("SKU-043", 1, CARD, "1 Test Street"));

    // then
    assertThat(Saga.awaitStatus(shop, fresh)).isEqualTo("COMPLETED");
    await().atMost(Saga.TIMEOUT).until(() -> shop.service("shipping").kit().metrics()
        .counter("events.consumed", "type", "StockReserved", "outcome", "ignored").count() >= 1);
    assertThat(shop.getJson("order", "/orders/" + waited).path("status").asText()).isEqualTo("PENDING");
    assertThat(shop.log.types(waited)).containsExactly("OrderCreated", "PaymentProcessed", "StockReserved");
  }

  @Test
  void should_stop_the_poison_event_partition_when_poison_blocks_the_partition() throws Exception {
    // given
    shop.restart("payment", Defects.parse(Defects.POISON_BLOCKS_PARTITION));
    await().atMost(Saga.TIMEOUT).until(() -> assignedPartitions("payment") >= 3);
    RecordMetadata poison = publishPoison();

    // when: orders come in until one shares the poison's partition
    List<String> others = new ArrayList<>();
    String blocked = null;
    for (int i = 0; i < 40 && blocked == null; i++) {
      String orderId = Saga.place(shop, order("SKU-044", 1, CARD, "1 Test Street"));
      int partition = await().atMost(Saga.TIMEOUT).until(() -> createdPartition(orderId), p -> p >= 0);
      if (partition == poison.partition()) {
        blocked = orderId;
      } else {
        others.add(orderId);
      }
    }

    // then: the others complete; the one behind the poison is never charged
    assertThat(blocked).as("an order on partition %d", poison.partition()).isNotNull();
    for (String orderId : others) {
      assertThat(Saga.awaitStatus(shop, orderId)).isEqualTo("COMPLETED");
    }
    Thread.sleep(2_000);
    assertThat(shop.getJson("order", "/orders/" + blocked).path("status").asText()).isEqualTo("PENDING");
    assertThat(shop.log.types(blocked)).containsExactly("OrderCreated");
    assertThat(shop.service("payment").kit().metrics()
        .counter("events.consumed", "type", "unknown", "outcome", "fault").count()).isZero();
  }

  private static RecordMetadata publishPoison() throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      return producer.send(new ProducerRecord<>(Topics.ORDERS, "poison-" + System.nanoTime(),
          "{not an event".getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  private static int createdPartition(String orderId) {
    return shop.log.forOrder(orderId).stream()
        .filter(r -> r.event() != null && r.event().type().equals("OrderCreated"))
        .mapToInt(EventLog.Observed::partition).findFirst().orElse(-1);
  }

  private static List<String> topics(String orderId) {
    return shop.log.forOrder(orderId).stream().map(EventLog.Observed::topic).toList();
  }

  private static double assignedPartitions(String service) {
    return shop.service(service).kit().metrics().registry().find("kafka.consumer.coordinator.assigned.partitions")
        .gauges().stream().mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).sum();
  }

  private static ServiceConfig withProvider(String url, String... defects) {
    ServiceConfig base = shop.service("stock").kit().config();
    var db = shop.database("payment");
    return new ServiceConfig("payment", 0, base.kafkaBootstrapServers(), db.jdbcUrl(), db.user(), db.password(), url,
        base.otlpEndpoint(), Defects.parse(String.join(",", defects)));
  }

  private static HttpServer slowProvider(Duration delay) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"chargeId\":\"ch-slow\",\"status\":\"APPROVED\",\"refundId\":\"rf-slow\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }
}
