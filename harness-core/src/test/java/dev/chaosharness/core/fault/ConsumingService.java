package dev.chaosharness.core.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A stand-in for a service process: a real Kafka consumer in the group named after the service,
 * committing after every poll and recording what it read. {@link #kill()} stops it dead, without
 * leaving the group (its heartbeats keep its membership, as a frozen process's would not, which is
 * the harder case); {@link #restart()} starts a new member.
 */
final class ConsumingService implements ProcessControl, AutoCloseable {

  private final String name;
  private final String bootstrap;
  private final String topic;
  private final List<String> read = new CopyOnWriteArrayList<>();
  private final List<KafkaConsumer<String, String>> dead = new ArrayList<>();
  private volatile AtomicBoolean running;
  private volatile boolean assigned;
  private int incarnation;

  ConsumingService(String name, String bootstrap, String topic) {
    this.name = name;
    this.bootstrap = bootstrap;
    this.topic = topic;
    restart();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void kill() {
    running.set(false);
  }

  @Override
  public void pause() {
    throw new UnsupportedOperationException("pause");
  }

  @Override
  public void resume() {
    throw new UnsupportedOperationException("resume");
  }

  @Override
  public synchronized void restart() {
    if (running != null) {
      running.set(false);
    }
    AtomicBoolean alive = new AtomicBoolean(true);
    running = alive;
    assigned = false;
    incarnation++;
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, name,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000), new StringDeserializer(), new StringDeserializer());
    dead.add(consumer);
    consumer.subscribe(List.of(topic));
    Thread thread = new Thread(() -> {
      while (alive.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        if (!alive.get()) {
          return; // killed mid-poll: nothing after this point happens
        }
        assigned = !consumer.assignment().isEmpty();
        records.forEach(r -> read.add(r.value()));
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    }, "consuming-" + name + "-" + incarnation);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!assigned) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " got no partitions within " + timeout);
      }
      sleep();
    }
  }

  synchronized int incarnation() {
    return incarnation;
  }

  List<String> read() {
    return List.copyOf(read);
  }

  void awaitRead(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (read.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " read " + read.size() + " records, not " + count + ", within " + timeout);
      }
      sleep();
    }
  }

  @Override
  public synchronized void close() {
    running.set(false);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
