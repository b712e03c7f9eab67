package dev.chaosharness.sample.kit;

import io.javalin.Javalin;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A started service; closing it stops the HTTP server, the consumer, the relay, the producer,
 * the database and tracing, in that order. {@link #close()} is idempotent.
 *
 * <p>Thread-safe.
 */
public final class RunningService implements AutoCloseable {

  private final ServiceKit kit;
  volatile boolean ready;
  SampleService service;
  Database database;
  KafkaProducer<String, byte[]> producer;
  OutboxRelay relay;
  final java.util.List<InboxConsumer> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();
  Javalin http;
  private boolean closed;

  RunningService(ServiceKit kit) {
    this.kit = kit;
  }

  /**
   * Returns the bound HTTP port.
   *
   * @return the port
   */
  public int port() {
    return http.port();
  }

  /**
   * Returns the kit, for tests that look inside.
   *
   * @return the kit
   */
  public ServiceKit kit() {
    return kit;
  }

  /**
   * Returns the service.
   *
   * @return the service
   */
  public SampleService service() {
    return service;
  }

  boolean isHealthy() {
    return ready && (database == null || database.isHealthy());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ready = false;
    if (http != null) {
      http.stop();
    }
    consumers.forEach(InboxConsumer::close);
    if (relay != null) {
      relay.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (service instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(RunningService.class).warn("Service failed to close", e);
      }
    }
    if (database != null) {
      database.close();
    }
    kit.tracing().close();
  }
}
