package dev.chaosharness.core.fault;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poison event: publishes one record that is not an event envelope onto a topic, under a fresh
 * key, so its consumers must set it aside (the sample shop sends it to {@code <topic>.faults}) and
 * keep going.
 *
 * <pre>{@code
 * ledger.inject(Faults.poisonEvent("orders.events"));
 * }</pre>
 *
 * <p>The record carries the header {@code chaos-harness-fault: poison-event}. {@link #revert()}
 * does nothing: a published record cannot be taken back. Thread-safe.
 */
public final class PoisonEventFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(PoisonEventFault.class);
  static final byte[] DEFAULT_VALUE =
      "{\"poison\": this is not an event envelope, injected by chaos-harness".getBytes(StandardCharsets.UTF_8);

  private final String topic;
  private final byte[] value;
  private final RandomGenerator random;
  private final String kafka;
  private String key;
  private RecordMetadata published;

  PoisonEventFault(String topic, byte[] value, RandomGenerator random) {
    this(topic, value, random, null);
  }

  private PoisonEventFault(String topic, byte[] value, RandomGenerator random, String kafka) {
    this.kafka = kafka;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.value = Objects.requireNonNull(value, "value").clone();
    this.random = Objects.requireNonNull(random, "random");
    if (topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank, but was '" + topic + "'");
    }
  }

  /** Returns this fault publishing {@code value} instead of the default malformed JSON. */
  public PoisonEventFault withValue(byte[] value) {
    return new PoisonEventFault(topic, value, random, kafka);
  }

  /** Returns this fault drawing its fresh key from {@code random} (a seeded generator makes it reproducible). */
  public PoisonEventFault withRandom(RandomGenerator random) {
    return new PoisonEventFault(topic, value, random, kafka);
  }

  /** Returns this fault publishing to the Kafka at {@code bootstrapServers} instead of the fault target's. */
  public PoisonEventFault onKafka(String bootstrapServers) {
    return new PoisonEventFault(topic, value, random, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (published != null) {
      throw new IllegalStateException(describe() + " was already injected; create a new fault to publish another");
    }
    String fresh = "poison-" + new UUID(random.nextLong(), random.nextLong());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, fresh, value);
    record.headers().add("chaos-harness-fault", "poison-event".getBytes(StandardCharsets.UTF_8));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka != null ? kafka : target.kafkaBootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG, "chaos-harness-poison",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000), new StringSerializer(), new ByteArraySerializer())) {
      published = KafkaAdmin.await(producer.send(record), "publishing a poison event to " + topic);
    }
    key = fresh;
    LOG.info("Injected {}: {}-{}@{}", describe(), published.topic(), published.partition(), published.offset());
  }

  /** Returns the key of the published record; null before {@link #inject}. */
  public synchronized String key() {
    return key;
  }

  /** Returns where the record landed ({@code topic-partition@offset}); null before {@link #inject}. */
  public synchronized String position() {
    return published == null ? null : published.topic() + "-" + published.partition() + "@" + published.offset();
  }

  /** Does nothing: a published record cannot be taken back. */
  @Override
  public void revert() {
    // nothing to revert: the consumers have seen the record
  }

  @Override
  public synchronized String describe() {
    return "poison-event on " + topic + (key == null ? "" : " (key " + key + ")");
  }
}
