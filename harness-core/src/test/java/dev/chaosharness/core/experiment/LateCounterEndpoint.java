package dev.chaosharness.core.experiment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback service whose {@code /metrics} shows no {@code saga_completed_total} until a delay
 * has passed, as a counter created on a system's first event; from then on each scrape counts one more.
 */
final class LateCounterEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final long appearsAtNanos;
  private final AtomicLong count = new AtomicLong();

  private LateCounterEndpoint(HttpServer server, Duration delay) {
    this.server = server;
    this.appearsAtNanos = System.nanoTime() + delay.toNanos();
  }

  /** Starts the endpoint; the counter appears {@code delay} from now. */
  static LateCounterEndpoint start(Duration delay) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LateCounterEndpoint endpoint = new LateCounterEndpoint(server, delay);
    server.createContext("/health", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
    server.createContext("/metrics", exchange -> answer(exchange, endpoint.exposition()));
    server.start();
    return endpoint;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private String exposition() {
    if (System.nanoTime() < appearsAtNanos) {
      return "";
    }
    return "# TYPE saga_completed_total counter\nsaga_completed_total{outcome=\"completed\"} "
        + count.incrementAndGet() + "\n";
  }

  private static void answer(HttpExchange exchange, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
