package dev.chaosharness.traffic.driver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small local imitation of the order API on a free port: {@code POST /orders} answers 201
 * with a new orderId; {@code GET /orders/{id}} answers PENDING for the first polls, then the
 * terminal status the order's inputs choose; unknown ids get 404. Records every request's headers.
 */
public final class FakeOrderApi implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final int pendingPolls;

  /** One request as the fake saw it. */
  public record Seen(String method, String path, String synthetic, String idempotencyKey, String body) {}

  private static final class Order {
    final String terminal;
    final AtomicInteger polls = new AtomicInteger();

    Order(String terminal) {
      this.terminal = terminal;
    }
  }

  public FakeOrderApi(int pendingPolls) throws IOException {
    this.pendingPolls = pendingPolls;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/orders", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Seen> seen() {
    return seen;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("X-Synthetic"),
          exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
      if ("POST".equals(exchange.getRequestMethod()) && path.equals("/orders")) {
        String id = UUID.randomUUID().toString();
        orders.put(id, new Order(terminalFor(body)));
        respond(exchange, 201, "{\"orderId\":\"" + id + "\",\"status\":\"PENDING\"}");
        return;
      }
      Order order = orders.get(path.substring("/orders/".length()));
      if (order == null) {
        respond(exchange, 404, "{\"error\":\"no such order\"}");
        return;
      }
      String status = order.polls.incrementAndGet() > pendingPolls ? order.terminal : "PENDING";
      respond(exchange, 200, "{\"orderId\":\"x\",\"status\":\"" + status + "\"}");
    }
  }

  private static String terminalFor(String body) {
    boolean fails = body.contains("4000000000000002") || body.contains("SKU-EMPTY") || body.contains("UNDELIVERABLE");
    return fails ? "FAILED" : "COMPLETED";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
