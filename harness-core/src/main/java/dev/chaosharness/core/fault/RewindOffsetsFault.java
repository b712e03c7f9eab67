package dev.chaosharness.core.fault;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicate delivery: rewinds a service's consumer group on one topic, by a number of records per
 * partition or back to a point in time, so the service reads those records again.
 *
 * <pre>{@code
 * ledger.inject(Faults.rewindOffsets("payment", "orders.events", 50));
 * ledger.inject(Faults.rewindOffsets("payment", "orders.events", Duration.ofSeconds(20)));
 * }</pre>
 *
 * <p>Kafka refuses to alter the offsets of a group with members, so {@link #inject} kills the
 * service's process, removes its members from the group (they would otherwise stay until their
 * session timed out), alters the committed offsets with the admin client, then restarts the
 * process and waits until it is ready, whatever happened in between. The group id is the service's
 * name unless {@link #inGroup(String)} says otherwise; offsets only move back, never forward.
 *
 * <p>{@link #revert()} does nothing: the redelivery cannot be taken back once the service read the
 * records again, and the offsets move forward again as the service commits. Thread-safe.
 */
public final class RewindOffsetsFault implements Fault {

  private static final Logger LOG = LoggerFactory.getLogger(RewindOffsetsFault.class);
  private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

  private final String service;
  private final String topic;
  private final String group;
  private final long records;
  private final Duration back;
  private final Clock clock;
  private final Duration readyTimeout;
  private final String kafka;
  private long rewound = -1;

  RewindOffsetsFault(String service, String topic, String group, long records, Duration back, Clock clock,
      Duration readyTimeout) {
    this(service, topic, group, records, back, clock, readyTimeout, null);
  }

  private RewindOffsetsFault(String service, String topic, String group, long records, Duration back, Clock clock,
      Duration readyTimeout, String kafka) {
    this.service = Objects.requireNonNull(service, "service");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.group = Objects.requireNonNull(group, "group");
    this.records = records;
    this.back = back;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
    this.kafka = kafka;
  }

  static RewindOffsetsFault byRecords(String service, String topic, long records) {
    if (records <= 0) {
      throw new IllegalArgumentException("records to rewind must be > 0, but was " + records);
    }
    return new RewindOffsetsFault(service, topic, service, records, null, Clock.systemUTC(), DEFAULT_READY_TIMEOUT);
  }

  static RewindOffsetsFault byTime(String service, String topic, Duration back) {
    Objects.requireNonNull(back, "back");
    if (back.isNegative() || back.isZero()) {
      throw new IllegalArgumentException("time to rewind must be > 0, but was " + back);
    }
    return new RewindOffsetsFault(service, topic, service, 0, back, Clock.systemUTC(), DEFAULT_READY_TIMEOUT);
  }

  /** Returns this fault on consumer group {@code groupId} instead of the service's name. */
  public RewindOffsetsFault inGroup(String groupId) {
    return new RewindOffsetsFault(service, topic, groupId, records, back, clock, readyTimeout, kafka);
  }

  /** Returns this fault reading "now" from {@code clock} (for rewinds back in time). */
  public RewindOffsetsFault withClock(Clock clock) {
    return new RewindOffsetsFault(service, topic, group, records, back, clock, readyTimeout, kafka);
  }

  /** Returns this fault waiting up to {@code timeout} for the restarted service to be ready (default 60 s). */
  public RewindOffsetsFault withReadyTimeout(Duration timeout) {
    return new RewindOffsetsFault(service, topic, group, records, back, clock, timeout, kafka);
  }

  /** Returns this fault using the Kafka at {@code bootstrapServers} instead of the fault target's. */
  public RewindOffsetsFault onKafka(String bootstrapServers) {
    return new RewindOffsetsFault(service, topic, group, records, back, clock, readyTimeout,
        Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (rewound >= 0) {
      throw new IllegalStateException(describe() + " was already injected; create a new fault to rewind again");
    }
    ProcessControl process = target.process(service);
    try (Admin admin = KafkaAdmin.open(kafka != null ? kafka : target.kafkaBootstrapServers())) {
      process.kill();
      try {
        emptyGroup(admin);
        rewound = rewind(admin);
      } finally {
        process.restart();
        process.awaitReady(readyTimeout);
      }
    }
    LOG.info("Injected {}: {} records to be read again", describe(), rewound);
  }

  /** Returns how many records the last injection moved the group back over all partitions; -1 before. */
  public synchronized long rewoundRecords() {
    return rewound;
  }

  private void emptyGroup(Admin admin) {
    try {
      admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
          .get(KafkaAdmin.CALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException("Interrupted while emptying consumer group '" + group + "'", e);
    } catch (Exception e) {
      LOG.debug("Removing the members of group {} failed ({}); waiting for their sessions to end", group, e.toString());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      ConsumerGroupDescription description = KafkaAdmin.await(
          admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group),
          "describing consumer group '" + group + "'");
      if (description.members().isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new FaultException("Consumer group '" + group + "' still has " + description.members().size()
            + " member(s) 30 s after " + service + " was killed; is another process consuming as this group?");
      }
      sleep(200);
    }
  }

  private long rewind(Admin admin) {
    Map<TopicPartition, OffsetAndMetadata> committed = KafkaAdmin.await(
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
        "listing the offsets of consumer group '" + group + "'").entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    if (committed.isEmpty()) {
      throw new FaultException("Consumer group '" + group + "' has no committed offsets on topic '" + topic
          + "'; nothing to rewind. Does " + service + " consume " + topic + " as group '" + group + "'?");
    }
    OffsetSpec spec = back == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(clock.millis() - back.toMillis());
    Map<TopicPartition, Long> floor = new java.util.HashMap<>();
    KafkaAdmin.await(admin.listOffsets(committed.keySet().stream()
        .collect(Collectors.toMap(tp -> tp, tp -> spec))).all(), "listing the offsets of " + topic)
        .forEach((tp, info) -> floor.put(tp, info.offset()));
    Map<TopicPartition, OffsetAndMetadata> target = new java.util.HashMap<>();
    long total = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
      long now = entry.getValue().offset();
      long found = floor.getOrDefault(entry.getKey(), -1L);
      long to = back == null ? Math.max(found, now - records) : (found < 0 ? now : Math.min(found, now));
      target.put(entry.getKey(), new OffsetAndMetadata(to));
      total += now - to;
    }
    KafkaAdmin.await(admin.alterConsumerGroupOffsets(group, target).all(),
        "altering the offsets of consumer group '" + group + "' to " + target);
    return total;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException("Interrupted while waiting for a consumer group to empty", e);
    }
  }

  /** Does nothing: the records were read again and that cannot be undone. */
  @Override
  public void revert() {
    // nothing to revert: the redelivery happened, and the group commits forward again by itself
  }

  @Override
  public String describe() {
    String how = back == null ? "by " + records + " records per partition" : "back to " + back.toMillis() + " ms ago";
    return "rewind-offsets of group " + group + " on " + topic + " " + how + " (restarts " + service + ")";
  }
}
