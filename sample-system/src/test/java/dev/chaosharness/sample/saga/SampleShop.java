package dev.chaosharness.sample.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosharness.core.env.KafkaBroker;
import dev.chaosharness.core.env.KafkaBrokerConfig;
import dev.chaosharness.core.env.PassThroughLinkRouter;
import dev.chaosharness.core.env.PostgresServer;
import dev.chaosharness.core.env.ProcessSupervisor;
import dev.chaosharness.sample.bff.BffService;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.RunningService;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceConfig;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import dev.chaosharness.sample.kit.Tracing;
import dev.chaosharness.sample.order.OrderService;
import dev.chaosharness.sample.payment.PaymentService;
import dev.chaosharness.sample.provider.PaymentProvider;
import dev.chaosharness.sample.shipping.ShippingService;
import dev.chaosharness.sample.stock.StockService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole shop on harness-core's real broker ({@link KafkaBroker}) and real PostgreSQL
 * ({@link PostgresServer}), shared by every saga test class of the JVM (started once, stopped at
 * JVM exit). Services run in this JVM, each with its own kit, database and login, consumer group
 * and HTTP port, so a test can stop, restart or swap one with defects.
 */
final class SampleShop {

  static final List<String> SERVICES = List.of("payment-provider", "order", "payment", "stock", "shipping", "bff");
  private static final Map<String, SampleService.Factory> FACTORIES = Map.of(
      "payment-provider", PaymentProvider::new, "order", OrderService::new, "payment", PaymentService::new,
      "stock", StockService::new, "shipping", ShippingService::new, "bff", BffService::new);
  private static SampleShop instance;

  private final ProcessSupervisor supervisor;
  private final PostgresServer postgres;
  private final Map<String, PostgresServer.Database> databases;
  final KafkaBroker kafka;
  final EventLog log;
  final TraceReceiver traces;
  private final Map<String, RunningService> running = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private long seed = 1;

  private SampleShop(ProcessSupervisor supervisor, PostgresServer postgres,
      Map<String, PostgresServer.Database> databases, KafkaBroker kafka, TraceReceiver traces) {
    this.supervisor = supervisor;
    this.postgres = postgres;
    this.databases = Map.copyOf(databases);
    this.kafka = kafka;
    this.traces = traces;
    this.log = new EventLog(kafka.bootstrapServers());
  }

  static synchronized SampleShop get() throws Exception {
    if (instance == null) {
      Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sample-shop-");
      ProcessSupervisor supervisor = new ProcessSupervisor();
      try {
        instance = start(supervisor, dir);
      } catch (Exception | Error e) {
        supervisor.close();
        throw e;
      }
    }
    return instance;
  }

  /** Launches the broker and the database server side by side, then the topics, databases and services. */
  private static SampleShop start(ProcessSupervisor supervisor, Path dir) throws Exception {
    KafkaBroker kafka;
    try (PassThroughLinkRouter noLinks = new PassThroughLinkRouter()) {
      kafka = KafkaBroker.launch(supervisor, KafkaBrokerConfig.builder(dir).build(), noLinks);
    }
    PostgresServer postgres = PostgresServer.launch(supervisor, dir);
    postgres.awaitReady();
    Map<String, PostgresServer.Database> databases = new HashMap<>();
    for (String service : SERVICES) {
      if (!service.equals("payment-provider")) {
        databases.put(service, postgres.createDatabase(service));
      }
    }
    kafka.awaitReady();
    List<String> topics = new ArrayList<>(Topics.ALL);
    Topics.ALL.forEach(t -> topics.add(Topics.faults(t)));
    kafka.createTopics(topics, 3);
    SampleShop shop = new SampleShop(supervisor, postgres, databases, kafka, new TraceReceiver());
    Runtime.getRuntime().addShutdownHook(new Thread(shop::closeAll));
    for (String service : SERVICES) {
      shop.start(service, Defects.none());
    }
    return shop;
  }

  synchronized RunningService start(String service, Defects defects) {
    return start(configFor(service, defects));
  }

  private ServiceConfig configFor(String service, Defects defects) {
    boolean provider = service.equals("payment-provider");
    PostgresServer.Database database = provider ? null : database(service);
    ServiceConfig config = new ServiceConfig(service, 0, provider ? "" : kafka.bootstrapServers(),
        provider ? "" : database.jdbcUrl(), provider ? "" : database.user(), provider ? "" : database.password(),
        service.equals("payment") ? "http://127.0.0.1:" + running.get("payment-provider").port() : "",
        traces.endpoint(), defects);
    return config;
  }

  synchronized RunningService start(ServiceConfig config) {
    RunningService service = ServiceKit.start(config, Clock.systemUTC(), new SplittableRandom(seed++),
        Tracing.create(config.serviceName(), config.otlpEndpoint()), FACTORIES.get(config.serviceName()));
    running.put(config.serviceName(), service);
    return service;
  }

  synchronized void stop(String service) {
    RunningService stopped = running.remove(service);
    if (stopped != null) {
      stopped.close();
    }
  }

  /** Stops the service and starts it again with these defects. */
  synchronized RunningService restart(String service, Defects defects) {
    stop(service);
    return start(service, defects);
  }

  /** Restarts every service, with span export to the test receiver on or off. */
  synchronized void restartAll(boolean tracing) {
    List<String> names = new ArrayList<>(SERVICES);
    java.util.Collections.reverse(names);
    names.forEach(this::stop);
    for (String service : SERVICES) {
      ServiceConfig config = configFor(service, Defects.none());
      start(tracing ? config : config.withOtlpEndpoint(""));
    }
  }

  /** The database and login of {@code service}, as the service itself uses them. */
  PostgresServer.Database database(String service) {
    PostgresServer.Database database = databases.get(service);
    if (database == null) {
      throw new IllegalArgumentException("Service '" + service + "' has no database; services with one: "
          + databases.keySet());
    }
    return database;
  }

  /** A new connection to the database of {@code service}, with that service's login. */
  Connection connect(String service) throws SQLException {
    PostgresServer.Database database = database(service);
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  /** A TCP port that was free a moment ago on 127.0.0.1. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  RunningService service(String name) {
    return running.get(name);
  }

  HttpResponse<String> placeOrder(String key, String body, boolean synthetic) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("order", "/orders"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (synthetic) {
      request.header("X-Synthetic", "true");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String service, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(service, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String service, String path) throws Exception {
    return EventCodec.JSON.readTree(get(service, path).body());
  }

  URI uri(String service, String path) {
    return URI.create("http://127.0.0.1:" + running.get(service).port() + path);
  }

  static String order(String sku, int quantity, String card, String address) {
    return EventCodec.JSON.createObjectNode().put("customerId", "c-900001").put("sku", sku).put("quantity", quantity)
        .put("cardNumber", card).put("shippingAddress", address).toString();
  }

  private void closeAll() {
    List<String> names = new ArrayList<>(SERVICES);
    java.util.Collections.reverse(names);
    names.forEach(this::stop);
    try {
      log.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    traces.close();
    kafka.close();
    postgres.close();
    supervisor.close();
  }
}
