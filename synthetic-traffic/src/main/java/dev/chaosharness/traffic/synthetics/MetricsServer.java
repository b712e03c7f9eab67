package dev.chaosharness.traffic.synthetics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@link SyntheticsMetrics} on {@code GET /metrics} and liveness on {@code GET /health}.
 *
 * <p>Thread-safe. {@link #close()} stops the server and is idempotent.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private boolean closed;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one).
   *
   * @throws UncheckedIOException naming the address when it cannot bind
   */
  public static MetricsServer start(String host, int port, SyntheticsMetrics metrics) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
      server.createContext("/metrics", exchange -> respond(exchange, metrics.render(), "text/plain; version=0.0.4; charset=utf-8"));
      server.createContext("/health", exchange -> respond(exchange, "ok\n", "text/plain; charset=utf-8"));
      server.start();
      return new MetricsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve synthetics metrics on " + host + ":" + port + ": " + e.getMessage()
          + "; choose another --metrics-port", e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, String body, String type) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stop(0);
    }
  }
}
