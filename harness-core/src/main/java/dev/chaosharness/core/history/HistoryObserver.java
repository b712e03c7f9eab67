package dev.chaosharness.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the saga topics into an {@link EventHistory} (and optionally a history file) with a
 * consumer of its own: its own group, {@code read_committed}, every partition assigned.
 *
 * <pre>{@code
 * HistoryObserver observer = HistoryObserver.start(ObserverConfig.builder(bootstrap, topics).build(),
 *     Clock.systemUTC(), HistoryWriter.create(Path.of("target/history.jsonl")));
 * // ... traffic and faults ...
 * EventHistory history = observer.stop(); // drained to the end offsets at this point
 * }</pre>
 *
 * <p>{@link #stop()} takes the end offsets (the last stable offsets, so open transactions are
 * not waited for beyond their commit) at the moment it is called and returns once every
 * partition has been read up to them, so nothing published before the stop point is missed.
 * Records that are not event envelopes are counted ({@link #rejected()}) and skipped.
 * Thread-safe: one internal thread consumes; {@link #close()} is idempotent and stops without
 * draining.
 */
public final class HistoryObserver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryObserver.class);

  private final ObserverConfig config;
  private final Clock clock;
  private final HistoryWriter writer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final EventHistory history = new EventHistory();
  private final CompletableFuture<EventHistory> done = new CompletableFuture<>();
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean stopRequested;
  private volatile boolean abort;
  private final Thread thread;

  private HistoryObserver(ObserverConfig config, Clock clock, HistoryWriter writer) {
    this.config = config;
    this.clock = clock;
    this.writer = writer;
    this.consumer = new KafkaConsumer<>(properties(config), new StringDeserializer(), new ByteArrayDeserializer());
    try {
      this.partitions = partitions(config.topics());
      consumer.assign(partitions);
      if (config.start() == ObserverConfig.StartPosition.EARLIEST) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      partitions.forEach(consumer::position); // resolve the start now, not at the first poll
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
    this.thread = new Thread(this::run, "history-observer");
    thread.setDaemon(true);
  }

  /**
   * Starts observing; returns once the start offsets are fixed.
   *
   * @param writer where to also write each event, or {@code null}; closed by {@link #stop()}
   * @throws IllegalArgumentException when a topic does not exist
   */
  public static HistoryObserver start(ObserverConfig config, Clock clock, HistoryWriter writer) {
    HistoryObserver observer = new HistoryObserver(config, clock, writer);
    observer.thread.start();
    LOG.info("History observer reading {} partitions of {} from {}", observer.partitions.size(), config.topics(), config.start());
    return observer;
  }

  private static Properties properties(ObserverConfig config) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-client");
    return p;
  }

  private List<TopicPartition> partitions(List<String> topics) {
    List<TopicPartition> result = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("Topic '" + topic + "' does not exist on " + config.bootstrapServers()
            + "; create it before starting the observer, or fix the topic list " + topics);
      }
      infos.forEach(info -> result.add(new TopicPartition(topic, info.partition())));
    }
    return result;
  }

  private void run() {
    RuntimeException failure = null;
    try {
      Map<TopicPartition, Long> end = null;
      Instant deadline = null;
      while (!abort) {
        if (stopRequested && end == null) {
          end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
          deadline = clock.instant().plus(config.drainTimeout());
        }
        if (end != null && drained(end)) {
          break;
        }
        if (end != null && clock.instant().isAfter(deadline)) {
          throw new IllegalStateException("History observer did not drain within " + config.drainTimeout()
              + "; still behind the end offsets: " + behind(end) + "; is the broker reachable?");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          record(record);
        }
      }
      if (!abort) {
        consumer.commitSync(Duration.ofSeconds(10));
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      consumer.close(Duration.ofSeconds(5));
      if (writer != null) {
        writer.close(); // flushed before stop() returns, so the file is complete when the history is
      }
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      done.completeExceptionally(failure);
    } else {
      done.complete(history);
    }
  }

  private boolean drained(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private String behind(Map<TopicPartition, Long> end) {
    StringBuilder text = new StringBuilder();
    end.forEach((tp, offset) -> {
      long position = consumer.position(tp);
      if (position < offset) {
        text.append(text.isEmpty() ? "" : ", ").append(tp).append(" at ").append(position).append(" of ").append(offset);
      }
    });
    return text.toString();
  }

  private void record(ConsumerRecord<String, byte[]> record) {
    Header traceparent = record.headers().lastHeader("traceparent");
    try {
      RecordedEvent event = RecordDecoder.decode(record.topic(), record.partition(), record.offset(), record.key(),
          record.value(), traceparent == null ? null : traceparent.value(), clock.instant());
      synchronized (history) {
        history.append(event);
      }
      if (writer != null) {
        writer.write(event);
      }
      recorded.incrementAndGet();
    } catch (RecordDecoder.BadEnvelope e) {
      rejected.incrementAndGet();
      LOG.warn("Skipping {}-{}@{}: not an event envelope: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  /** Returns how many events were recorded so far. */
  public long recorded() {
    return recorded.get();
  }

  /**
   * Runs {@code reader} on the history recorded so far, while no event is appended; the reader
   * must not keep the history.
   */
  public <T> T read(Function<EventHistory, T> reader) {
    synchronized (history) {
      return reader.apply(history);
    }
  }

  /** Returns how many records were skipped because they were not event envelopes. */
  public long rejected() {
    return rejected.get();
  }

  /**
   * Stops at this point: reads every partition up to its end offset now, then returns the
   * history (and closes the writer).
   *
   * @throws IllegalStateException when draining fails or takes longer than the drain timeout
   */
  public EventHistory stop() {
    stopRequested = true;
    try {
      return done.get(config.drainTimeout().toMillis() + 20_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("History observer failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      abort = true;
      throw new IllegalStateException("History observer did not stop within " + config.drainTimeout()
          + " plus 20 s; " + recorded() + " events recorded", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the history observer drained", e);
    }
  }

  /** Stops without draining (when not stopped already); idempotent. */
  @Override
  public void close() {
    if (!done.isDone()) {
      abort = true;
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
