package dev.chaosharness.sample.kit;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to Kafka in batches, in insertion order, keyed by {@code orderId}, and marks
 * the rows sent once the broker acknowledged them ({@code acks=all}). A failed batch stays unsent
 * and is retried, so publication is at-least-once; consumers dedupe by event id.
 *
 * <p>The relay sleeps until {@link #wake()} (called after a local transaction that appended to
 * the outbox committed) or at most {@value #IDLE_POLL_MS} ms, so rows written by other instances
 * or left by a failed batch are still found. Reading a batch and marking it sent are one
 * auto-committed statement each: neither needs a transaction of its own.
 *
 * <p>Runs on its own thread; {@link #wake()} and {@link #close()} may be called from any thread.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  private static final long IDLE_POLL_MS = 100;

  private final Database database;
  private final Producer<String, byte[]> producer;
  private final Tracing tracing;
  private final ServiceMetrics metrics;
  private final RandomGenerator unorderedPartitions;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong backlog = new AtomicLong();
  private final Semaphore wakeups = new Semaphore(0);
  private final Thread thread;

  /**
   * Starts the relay thread.
   *
   * @param database the outbox's database
   * @param producer an idempotent producer with {@code acks=all}
   * @param tracing for the publish spans
   * @param metrics for {@code events_published_total} and {@code outbox_backlog}
   * @param unorderedPartitions non-null only under the {@code stock-unordered} defect: picks
   *     partitions at random instead of by key
   */
  public OutboxRelay(Database database, Producer<String, byte[]> producer, Tracing tracing,
      ServiceMetrics metrics, RandomGenerator unorderedPartitions) {
    this.database = database;
    this.producer = producer;
    this.tracing = tracing;
    this.metrics = metrics;
    this.unorderedPartitions = unorderedPartitions;
    metrics.registry().gauge("outbox.backlog", backlog);
    this.thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  private record Row(long id, String topic, String orderId, String type, byte[] envelope, String traceparent) {
  }

  private void loop() {
    while (running.get()) {
      try {
        wakeups.drainPermits();
        int sent = relayOnce();
        if (sent == 0) {
          wakeups.tryAcquire(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (running.get()) {
          log.warn("Outbox relay failed to publish a batch; it stays unsent and is retried in 500 ms", e);
          sleepQuietly();
        }
      }
    }
  }

  /** Tells the relay that new rows were committed; it publishes them without waiting for its poll. */
  public void wake() {
    wakeups.release();
  }

  /**
   * Publishes one batch of unsent rows and marks them sent.
   *
   * @return how many rows were published
   * @throws Exception when reading, sending or marking fails (nothing is marked then)
   */
  int relayOnce() throws Exception {
    List<Row> rows = readBatch();
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<?>> acks = new ArrayList<>(rows.size());
    for (Row row : rows) {
      acks.add(send(row));
    }
    producer.flush();
    for (Future<?> ack : acks) {
      ack.get();
    }
    markSent(rows);
    rows.forEach(row -> metrics.published(row.type()));
    return rows.size();
  }

  private Future<?> send(Row row) {
    Context parent = row.traceparent() == null
        ? Context.root()
        : tracing.extract(Map.of("traceparent", row.traceparent()));
    try (Tracing.SpanScope span = tracing.start(row.topic() + " publish " + row.type(), SpanKind.PRODUCER, parent)) {
      Integer partition = unorderedPartitions == null ? null : randomPartition(row.topic());
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(row.topic(), partition, row.orderId(), row.envelope());
      tracing.inject(span.context()).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      return producer.send(record);
    }
  }

  private Integer randomPartition(String topic) {
    List<PartitionInfo> partitions = producer.partitionsFor(topic);
    return partitions.get(unorderedPartitions.nextInt(partitions.size())).partition();
  }

  private List<Row> readBatch() throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "select id, topic, order_id, type, envelope, traceparent from outbox where sent_at is null order by id limit ?")) {
        select.setInt(1, BATCH);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                rs.getString(6)));
          }
        }
      }
      backlog.set(rows.size() < BATCH ? rows.size() : count(connection));
      return rows;
    }
  }

  private static long count(Connection connection) throws Exception {
    try (PreparedStatement count = connection.prepareStatement("select count(*) from outbox where sent_at is null");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void markSent(List<Row> rows) throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      Array ids = connection.createArrayOf("bigint", rows.stream().map(Row::id).toArray());
      try (PreparedStatement update = connection.prepareStatement(
          "update outbox set sent_at = now() where id = any(?)")) {
        update.setArray(1, ids);
        update.executeUpdate();
      }
    }
    backlog.addAndGet(-rows.size());
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
