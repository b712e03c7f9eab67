package dev.chaosharness.sample.saga;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole shop on a real broker and a real PostgreSQL, shared by every saga test class of the
 * JVM (started once, stopped at JVM exit). Services run in this JVM, each with its own kit,
 * database, consumer group and HTTP port, so a test can stop, restart or swap one with defects.
 */
final class SampleShop {

  static final List<String> SERVICES = List.of("payment-provider", "order", "payment", "stock", "shipping", "bff");
  private static final Map<String, SampleService.Factory> FACTORIES = Map.of(
      "payment-provider", PaymentProvider::new, "order", OrderService::new, "payment", PaymentService::new,
      "stock", StockService::new, "shipping", ShippingService::new, "bff", BffService::new);
  private static SampleShop instance;

  final TestPostgres postgres;
  final TestKafka kafka;
  final EventLog log;
  final TraceReceiver traces;
  private final Map<String, RunningService> running = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private long seed = 1;

  private SampleShop(TestPostgres postgres, TestKafka kafka, TraceReceiver traces) {
    this.postgres = postgres;
    this.kafka = kafka;
    this.traces = traces;
    this.log = new EventLog(kafka.bootstrap());
  }

  static synchronized SampleShop get() throws Exception {
    if (instance == null) {
      Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sample-shop-");
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      TestPostgres postgres = TestPostgres.start(dir.resolve("postgres"));
      TestKafka kafka = TestKafka.start(dir.resolve("kafka"));
      List<String> topics = new ArrayList<>(Topics.ALL);
      Topics.ALL.forEach(t -> topics.add(Topics.faults(t)));
      kafka.createTopics(topics, 3);
      for (String service : SERVICES) {
        if (!service.equals("payment-provider")) {
          postgres.createDatabase(service);
        }
      }
      SampleShop shop = new SampleShop(postgres, kafka, new TraceReceiver());
      for (String service : SERVICES) {
        shop.start(service, Defects.none());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shop::closeAll));
      instance = shop;
    }
    return instance;
  }

  synchronized RunningService start(String service, Defects defects) {
    return start(configFor(service, defects));
  }

  private ServiceConfig configFor(String service, Defects defects) {
    boolean provider = service.equals("payment-provider");
    ServiceConfig config = new ServiceConfig(service, 0, provider ? "" : kafka.bootstrap(),
        provider ? "" : postgres.url(service), "postgres", "",
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
      traces.close();
      kafka.close();
      postgres.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
