package dev.chaosharness.sample.kit;

import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop: polls the subscribed topics, applies each poll's events in one transaction
 * together with their inbox marks (falling back to one transaction per event when any event of
 * the poll fails), and commits offsets only after the database committed. Poison events go to
 * {@code <topic>.faults} with the error and never block the partition; infrastructure failures
 * ({@link TransientFailure}, lost database connections) replay the event later instead.
 *
 * <p>Runs on its own thread; {@link #close()} stops it.
 */
public final class InboxConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);
  private static final int ATTEMPTS = 3;

  /** Consumer settings. @param dedupe use the inbox @param ordered keep per-partition order */
  record Mode(boolean dedupe, boolean ordered) {
  }

  private final Consumer<String, byte[]> consumer;
  private final FaultTopic faults;
  private final Database database;
  private final SampleService service;
  private final Map<String, EventHandler> handlers;
  private final Tracing tracing;
  private final ServiceMetrics metrics;
  private final Mode mode;
  private final ConsumerDefects defects;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService workers;
  private final Thread thread;

  /**
   * Subscribes and starts the loop.
   *
   * @param consumer a consumer with auto-commit off
   * @param faultProducer where poison events go
   * @param database the service's database
   * @param service its topics, handlers (other types are counted as {@code ignored}), dedupe,
   *     ordering and batch preparation
   * @param kit tracing and metrics
   */
  InboxConsumer(Consumer<String, byte[]> consumer, Producer<String, byte[]> faultProducer, Database database,
      SampleService service, ServiceKit kit) {
    this.consumer = consumer;
    this.faults = new FaultTopic(faultProducer, kit.metrics());
    this.database = database;
    this.service = service;
    this.handlers = Map.copyOf(service.handlers());
    this.tracing = kit.tracing();
    this.metrics = kit.metrics();
    this.mode = new Mode(service.dedupe(), service.ordered());
    this.defects = ConsumerDefects.of(kit.config().defects(), kit.clock());
    Set<String> topics = service.topics();
    this.workers = mode.ordered() ? null : Executors.newFixedThreadPool(4);
    consumer.subscribe(List.copyOf(topics));
    this.thread = new Thread(this::loop, "inbox-consumer-" + kit.config().serviceName());
    thread.setDaemon(true);
    thread.start();
  }

  private enum Outcome { DONE, RETRY_LATER }

  private void loop() {
    try {
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) {
          if (mode.ordered()) {
            processInOrder(records);
          } else {
            processInParallel(records);
          }
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (Exception e) {
      log.error("Consumer loop stopped after an unexpected failure", e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void processInOrder(ConsumerRecords<String, byte[]> records) throws InterruptedException {
    if (records.count() > 1 && applyBatch(records)) {
      commit(nextOffsets(records, Map.of()));
      return;
    }
    Map<TopicPartition, Long> rewind = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      TopicPartition tp = new TopicPartition(record.topic(), record.partition());
      if (rewind.containsKey(tp)) {
        continue;
      }
      if (process(record) == Outcome.RETRY_LATER) {
        rewind.put(tp, record.offset());
      }
    }
    commit(nextOffsets(records, rewind));
    if (!rewind.isEmpty()) {
      rewind.forEach(consumer::seek);
      Thread.sleep(500);
    }
  }

  /**
   * Commits the offsets after the database committed. A failed commit (the broker unreachable, or
   * this consumer evicted from its group after a long pause) is not fatal: the effects are in the
   * database with their inbox marks, so the records the group reads again are counted as
   * duplicates and change nothing; the loop goes on.
   *
   * @param offsets the offsets, or null for the consumed positions
   */
  private void commit(Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets) {
    try {
      if (offsets == null) {
        consumer.commitSync();
      } else {
        consumer.commitSync(offsets);
      }
    } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
      throw e;
    } catch (org.apache.kafka.common.KafkaException e) {
      log.warn("Committing offsets failed; the group will read those records again and the inbox drops them: {}",
          e.toString());
    }
  }

  /**
   * Applies a whole poll in one transaction, in order; on any failure it rolls back and returns
   * false, and the caller applies the records one by one (with retries and the fault topic).
   */
  private boolean applyBatch(ConsumerRecords<String, byte[]> records) {
    List<String[]> counts = new ArrayList<>();
    List<ConsumerRecord<String, byte[]>> list = new ArrayList<>();
    List<EventEnvelope> events = new ArrayList<>();
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        list.add(record);
        events.add(EventCodec.decode(record.value()));
      }
      service.prepare(events);
      long start = defects.startTx();
      database.inTransaction(connection -> {
        for (int i = 0; i < list.size(); i++) {
          ConsumerRecord<String, byte[]> record = list.get(i);
          EventEnvelope event = events.get(i);
          EventHandler handler = handlers.get(event.type());
          if (handler == null || defects.stale(record.timestamp())) {
            counts.add(new String[] {event.type(), "ignored"});
            continue;
          }
          try (Tracing.SpanScope span = tracing.start(record.topic() + " process " + event.type(),
              SpanKind.CONSUMER, tracing.extract(headers(record)))) {
            if (mode.dedupe() && !Inbox.markNew(connection, event.eventId(), event.type())) {
              counts.add(new String[] {event.type(), "duplicate"});
              continue;
            }
            handler.handle(connection, event);
            counts.add(new String[] {event.type(), "handled"});
          }
        }
        defects.checkDeadline(start, list.size());
        return null;
      });
    } catch (Exception e) {
      log.debug("A batch of {} events failed; applying them one by one", records.count(), e);
      return false;
    }
    for (String[] count : counts) {
      metrics.consumed(count[0], count[1]);
      if (count[1].equals("duplicate")) {
        metrics.inboxDuplicate();
      }
    }
    return true;
  }

  private static Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> rewind) {
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> list = records.records(tp);
      long next = rewind.getOrDefault(tp, list.get(list.size() - 1).offset() + 1);
      offsets.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(next));
    }
    return offsets;
  }

  private void processInParallel(ConsumerRecords<String, byte[]> records) throws Exception {
    List<Future<Outcome>> results = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      results.add(workers.submit(() -> process(record)));
    }
    for (Future<Outcome> result : results) {
      result.get();
    }
    commit(null);
  }

  private Outcome process(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event;
    try {
      event = EventCodec.decode(record.value());
    } catch (RuntimeException e) {
      return poison(record, "unknown", e);
    }
    EventHandler handler = handlers.get(event.type());
    if (handler == null) {
      metrics.consumed(event.type(), "ignored");
      return Outcome.DONE;
    }
    if (defects.stale(record.timestamp())) {
      log.warn("Dropping event {} {} of order {}: published {} ms ago (defect {})", event.type(), event.eventId(),
          event.orderId(), defects.clock().millis() - record.timestamp(), Defects.DROP_STALE_EVENTS);
      metrics.consumed(event.type(), "ignored");
      return Outcome.DONE;
    }
    try (Tracing.SpanScope span = tracing.start(record.topic() + " process " + event.type(), SpanKind.CONSUMER,
        tracing.extract(headers(record)))) {
      return apply(record, event, handler);
    }
  }

  private Outcome apply(ConsumerRecord<String, byte[]> record, EventEnvelope event, EventHandler handler) {
    for (int attempt = 1; ; attempt++) {
      try {
        long start = defects.startTx();
        boolean handled = database.inTransaction(connection -> {
          if (mode.dedupe() && !Inbox.markNew(connection, event.eventId(), event.type())) {
            return false;
          }
          handler.handle(connection, event);
          defects.checkDeadline(start, 1);
          return true;
        });
        if (handled) {
          metrics.consumed(event.type(), "handled");
        } else {
          metrics.consumed(event.type(), "duplicate");
          metrics.inboxDuplicate();
        }
        return Outcome.DONE;
      } catch (Exception e) {
        if (isTransient(e) && !defects.outageIsPoison()) {
          log.warn("Event {} {} of order {} hit an infrastructure failure; retrying it later",
              event.type(), event.eventId(), event.orderId(), e);
          return Outcome.RETRY_LATER;
        }
        if (attempt >= ATTEMPTS) {
          return poison(record, event.type(), e);
        }
      }
    }
  }

  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TransientFailure || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** Sends a poison event to the fault topic, or (defect) keeps retrying it, which stops the partition. */
  private Outcome poison(ConsumerRecord<String, byte[]> record, String type, Exception error) {
    if (defects.poisonBlocks()) {
      log.warn("Poison event at {}-{}@{} ({}) is retried instead of set aside (defect {}): {}", record.topic(),
          record.partition(), record.offset(), type, Defects.POISON_BLOCKS_PARTITION, error.toString());
      return Outcome.RETRY_LATER;
    }
    faults.send(record, type, error);
    return Outcome.DONE;
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }

  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      consumer.wakeup();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (workers != null) {
        workers.shutdownNow();
      }
    }
  }
}
