package dev.chaosharness.core.kpi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag as the broker sees it: for each partition of the topics, the end offset
 * minus the group's committed offset (the whole partition when the group committed nothing). Unlike
 * the lag a service exports on its {@code /metrics}, this still answers while the service is
 * paused or dead, which is when lag builds.
 *
 * <pre>{@code
 * try (ConsumerLag lag = ConsumerLag.open(env.target().kafka().bootstrapServers())) {
 *   long behind = lag.of("shipping", List.of("stock.events"));
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} closes its admin client.
 */
public final class ConsumerLag implements AutoCloseable {

  private static final long TIMEOUT_MILLIS = 10_000;
  private final Admin admin;

  private ConsumerLag(Admin admin) {
    this.admin = admin;
  }

  /** Opens an admin client on {@code bootstrapServers}. */
  public static ConsumerLag open(String bootstrapServers) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    return new ConsumerLag(Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "chaos-harness-lag",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MILLIS)));
  }

  /**
   * Returns the lag of {@code group} over every partition of {@code topics}, in records.
   *
   * @throws IllegalStateException if the broker does not answer within 10 s
   */
  public long of(String group, Collection<String> topics) {
    return lag(group, partitions(topics), false);
  }

  /**
   * Returns the summed lag over {@code topics} of every group {@code include} accepts that has
   * members now, counting only the partitions each group committed an offset on; so neither an
   * abandoned group nor one that reads other topics counts.
   *
   * @throws IllegalStateException if the broker does not answer within 10 s
   */
  public long ofActiveGroups(Collection<String> topics, Predicate<String> include) {
    List<String> groups = get(admin.listConsumerGroups().all(), "listing the consumer groups").stream()
        .map(ConsumerGroupListing::groupId).filter(include).toList();
    if (groups.isEmpty()) {
      return 0;
    }
    Set<TopicPartition> partitions = partitions(topics);
    long lag = 0;
    for (ConsumerGroupDescription group : get(admin.describeConsumerGroups(groups).all(), "describing " + groups)
        .values()) {
      if (!group.members().isEmpty()) {
        lag += lag(group.groupId(), partitions, true);
      }
    }
    return lag;
  }

  private Set<TopicPartition> partitions(Collection<String> topics) {
    return get(admin.describeTopics(topics).allTopicNames(), "describing " + topics).values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toSet());
  }

  private long lag(String group, Set<TopicPartition> partitions, boolean committedOnly) {
    Map<TopicPartition, OffsetAndMetadata> committed = get(
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "listing the offsets of " + group);
    Set<TopicPartition> counted = committedOnly
        ? partitions.stream().filter(tp -> committed.get(tp) != null).collect(Collectors.toSet()) : partitions;
    if (counted.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(counted.stream()
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all(), "listing the end offsets");
    long lag = 0;
    for (TopicPartition tp : counted) {
      OffsetAndMetadata at = committed.get(tp);
      lag += Math.max(0, ends.get(tp).offset() - (at == null ? 0 : at.offset()));
    }
    return lag;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String doing) {
    try {
      return future.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while " + doing, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer " + doing + " within " + Duration.ofMillis(TIMEOUT_MILLIS)
          + ": " + e, e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
