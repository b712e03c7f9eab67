package dev.chaosharness.sample.kit;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every sample service stands on: configuration, clock, randomness, metrics, tracing, its
 * database with the outbox, and a Kafka producer. {@link #start} adds the HTTP server with
 * {@code /health} and {@code /metrics}, the outbox relay and the inbox consumer.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ServiceKit.runMain("stock", StockService::new);
 * }
 * }</pre>
 *
 * <p>Thread-safe once started.
 */
public final class ServiceKit {

  private static final Logger log = LoggerFactory.getLogger(ServiceKit.class);
  /**
   * Consumers per service. One owns every partition of the service's topics in order; three (one
   * per partition) cost three times the transactions, offset commits and threads and, measured on
   * the 2-core box, made p50 and p99 three to six times longer (docs/sample-system.md, "Throughput").
   */
  private static final int CONSUMERS = 1;

  private final ServiceConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final ServiceMetrics metrics;
  private final Tracing tracing;
  private final Outbox outbox;
  private Database database;
  private KafkaProducer<String, byte[]> producer;

  private ServiceKit(ServiceConfig config, Clock clock, RandomGenerator random, Tracing tracing) {
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.metrics = new ServiceMetrics(config.serviceName());
    this.tracing = tracing;
    this.outbox = new Outbox(tracing);
  }

  /**
   * Runs a service as a process's {@code main}: JSON logs, configuration from the environment,
   * then blocks until the JVM shuts down.
   *
   * @param defaultName the service name when {@code SERVICE_NAME} is unset
   * @param factory creates the service
   */
  public static void runMain(String defaultName, SampleService.Factory factory) {
    JsonLogs.configure();
    Map<String, String> env = System.getenv();
    ServiceConfig config = ServiceConfig.fromEnv(env, defaultName);
    RunningService running = start(config, Clock.systemUTC(), new java.util.SplittableRandom(),
        Tracing.create(config.traceServiceName(env), config.otlpEndpoint()), factory);
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shutdown"));
    log.info("Service {} ready on port {}", config.serviceName(), running.port());
  }

  /**
   * Starts a service: database and migrations, Kafka producer, relay, consumer, HTTP server.
   *
   * @param config the configuration
   * @param clock the clock for event times and saga durations
   * @param random the randomness for ids
   * @param tracing the tracing, closed with the service
   * @param factory creates the service
   * @return the running service; close it to stop
   */
  public static RunningService start(ServiceConfig config, Clock clock, RandomGenerator random, Tracing tracing,
      SampleService.Factory factory) {
    ServiceKit kit = new ServiceKit(config, clock, random, tracing);
    RunningService running = new RunningService(kit);
    try {
      kit.openResources(running);
      SampleService service = factory.create(kit);
      running.service = service;
      kit.startKafkaLoops(running, service);
      running.http = kit.startHttp(running, service);
      running.ready = true;
      return running;
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
  }

  private void openResources(RunningService running) {
    if (!config.dbUrl().isBlank()) {
      database = Database.open(config, 8);
      running.database = database;
    }
    if (!config.kafkaBootstrapServers().isBlank()) {
      producer = KafkaClients.producer(config);
      running.producer = producer;
      new KafkaClientMetrics(producer, Tags.of("client", "producer")).bindTo(metrics.registry());
    }
  }

  private void startKafkaLoops(RunningService running, SampleService service) {
    if (producer == null || database == null) {
      return;
    }
    RandomGenerator unordered = service.ordered() ? null : random;
    OutboxRelay relay = new OutboxRelay(database, producer, tracing, metrics, unordered);
    running.relay = relay;
    database.afterCommit(() -> {
      if (outbox.takeAppended()) {
        relay.wake();
      }
    });
    if (!service.topics().isEmpty()) {
      // Payment's provider calls of a poll run in parallel (SampleService.prepare), so one
      // consumer does not serialize them.
      String groupId = config.defects().has(Defects.CONSUMER_FROM_LATEST)
          ? config.serviceName() + "-" + newId() : config.serviceName();
      for (int i = 0; i < CONSUMERS; i++) {
        KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(config, groupId, i);
        new KafkaClientMetrics(consumer, Tags.of("group", config.serviceName())).bindTo(metrics.registry());
        running.consumers.add(new InboxConsumer(consumer, producer, database, service, this));
      }
    }
  }

  private Javalin startHttp(RunningService running, SampleService service) {
    return Javalin.create(cfg -> {
      cfg.jetty.host = "127.0.0.1";
      cfg.jetty.port = config.httpPort();
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
      cfg.routes.get("/health", ctx -> {
        boolean up = running.isHealthy();
        HttpRoutes.json(ctx, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"service\":\""
            + config.serviceName() + "\"}");
      });
      service.routes(new HttpRoutes(cfg.routes, this));
    }).start();
  }

  /**
   * Returns the configuration.
   *
   * @return the configuration
   */
  public ServiceConfig config() {
    return config;
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the randomness for ids.
   *
   * @return the generator; callers synchronize on the kit when sharing it across threads
   */
  public RandomGenerator random() {
    return random;
  }

  /**
   * Returns a fresh random UUID (version 4) from the kit's generator.
   *
   * @return the id
   */
  public synchronized java.util.UUID newId() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo);
  }

  /**
   * Returns the metrics.
   *
   * @return the metrics
   */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /**
   * Returns the tracing.
   *
   * @return the tracing
   */
  public Tracing tracing() {
    return tracing;
  }

  /**
   * Returns the outbox writer.
   *
   * @return the outbox
   */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * Returns the database.
   *
   * @return the database
   * @throws IllegalStateException when {@code DB_URL} is unset
   */
  public Database database() {
    return Objects.requireNonNull(database,
        "service '" + config.serviceName() + "' has no database; set DB_URL");
  }

  /**
   * Returns the Kafka producer.
   *
   * @return the producer
   * @throws IllegalStateException when {@code KAFKA_BOOTSTRAP_SERVERS} is unset
   */
  public Producer<String, byte[]> producer() {
    return Objects.requireNonNull(producer,
        "service '" + config.serviceName() + "' has no Kafka; set KAFKA_BOOTSTRAP_SERVERS");
  }
}
