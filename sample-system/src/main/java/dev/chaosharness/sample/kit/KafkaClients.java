package dev.chaosharness.sample.kit;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients configured the way the saga needs them: idempotent {@code acks=all} producers
 * with a short linger, consumers with manual commits.
 *
 * <p>Stateless.
 */
final class KafkaClients {

  private KafkaClients() {
  }

  static KafkaProducer<String, byte[]> producer(ServiceConfig config) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-producer");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    if (config.defects().has(Defects.ORDER_NO_OUTBOX)) {
      // part of the defect: a "fail fast" producer whose sends expire after 5 s, errors swallowed
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
    } else {
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    }
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  /**
   * A consumer in group {@code groupId}: the service's name, or with the defect
   * {@link Defects#CONSUMER_FROM_LATEST} a group fresh to this process that starts at the latest offset.
   */
  static KafkaConsumer<String, byte[]> consumer(ServiceConfig config, String groupId, int index) {
    boolean fromLatest = config.defects().has(Defects.CONSUMER_FROM_LATEST);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-consumer-" + index);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromLatest ? "latest" : "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    // A killed instance's partitions move to the survivors within ~10 s instead of 45 s.
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(props);
  }
}
