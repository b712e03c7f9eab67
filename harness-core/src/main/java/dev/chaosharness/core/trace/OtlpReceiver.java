package dev.chaosharness.core.trace;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives traces over OTLP/HTTP ({@code POST /v1/traces}, {@code application/x-protobuf},
 * optionally gzip-compressed) on a free loopback port, into a {@link SpanStore}.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start()) {
 *   env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint().toString());
 *   // ... run ...
 *   SpanStore spans = receiver.spans();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server and is idempotent.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OtlpReceiver.class);
  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final ExecutorService executor;
  private final SpanStore spans = new SpanStore();
  private volatile boolean closed;

  private OtlpReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a receiver on a free port of 127.0.0.1. */
  public static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "otlp-receiver");
        thread.setDaemon(true);
        return thread;
      });
      OtlpReceiver receiver = new OtlpReceiver(server, executor);
      server.createContext("/v1/traces", receiver::handle);
      server.setExecutor(executor);
      server.start();
      LOG.info("OTLP receiver listening on {}", receiver.endpoint());
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the OTLP receiver on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** Returns the base endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT}, for example {@code http://127.0.0.1:4318}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns the spans received so far. */
  public SpanStore spans() {
    return spans;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "text/plain", "use POST with an OTLP ExportTraceServiceRequest".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (!type.startsWith("application/x-protobuf")) {
        reply(exchange, 415, "text/plain", ("only application/x-protobuf is supported (set OTEL_EXPORTER_OTLP_PROTOCOL="
            + "http/protobuf), but the request was " + type).getBytes(StandardCharsets.UTF_8));
        return;
      }
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      try {
        store(ExportTraceServiceRequest.parseFrom(body));
      } catch (InvalidProtocolBufferException e) {
        reply(exchange, 400, "text/plain", ("not an OTLP ExportTraceServiceRequest: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      reply(exchange, 200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    } catch (RuntimeException e) {
      LOG.warn("OTLP request failed", e);
    }
  }

  private void store(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = resource.getResource().getAttributesList().stream()
          .filter(kv -> kv.getKey().equals("service.name")).map(KeyValue::getValue)
          .map(v -> v.getStringValue()).findFirst().orElse("unknown_service");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          spans.add(new RecordedSpan(hex(span.getTraceId()), hex(span.getSpanId()),
              span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), span.getName(), service,
              span.getStartTimeUnixNano(), span.getEndTimeUnixNano()));
        }
      }
    }
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }
}
