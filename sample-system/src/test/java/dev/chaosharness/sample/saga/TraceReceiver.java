package dev.chaosharness.sample.saga;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal OTLP/HTTP trace receiver that keeps the raw protobuf bodies it was sent. */
final class TraceReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

  TraceReceiver() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Counts the export requests whose spans mention the trace id (raw 16 bytes in the protobuf). */
  long exportsMentioning(String traceIdHex) {
    byte[] id = HexFormat.of().parseHex(traceIdHex);
    return bodies.stream().filter(body -> indexOf(body, id) >= 0).count();
  }

  /** Returns which of the services exported a span of the trace. */
  java.util.Set<String> servicesWithSpansOf(String traceIdHex, List<String> services) {
    byte[] id = HexFormat.of().parseHex(traceIdHex);
    java.util.Set<String> found = new java.util.TreeSet<>();
    for (byte[] body : bodies) {
      if (indexOf(body, id) < 0) {
        continue;
      }
      for (String service : services) {
        if (indexOf(body, service.getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0) {
          found.add(service);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
