package dev.chaosharness.experiments.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A loopback imitation of the order API whose orders end at once, as their inputs choose. */
final class LocalOrderApi implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> orders = new ConcurrentHashMap<>();

  LocalOrderApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext("/orders", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if ("POST".equals(exchange.getRequestMethod())) {
        String id = UUID.randomUUID().toString();
        boolean fails = body.contains("4000000000000002") || body.contains("SKU-EMPTY") || body.contains("UNDELIVERABLE");
        orders.put(id, fails ? "FAILED" : "COMPLETED");
        respond(exchange, 201, "{\"orderId\":\"" + id + "\",\"status\":\"PENDING\"}");
        return;
      }
      String status = orders.get(exchange.getRequestURI().getPath().substring("/orders/".length()));
      respond(exchange, status == null ? 404 : 200, "{\"status\":\"" + status + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
