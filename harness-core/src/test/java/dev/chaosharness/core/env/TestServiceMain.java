package dev.chaosharness.core.env;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A tiny service for the environment tests, configured like the sample services: on start it
 * writes a row to its database, sends an event to Kafka and calls its provider (each when
 * configured), then serves {@code /health} (200) and {@code /env} (its variables).
 * {@code SAMPLE_DEFECTS=crash-on-start} makes it exit with code 3 instead; {@code crash-on-first-start}
 * makes it exit with code 4 the first time it starts in its working directory.
 */
public final class TestServiceMain {

  private TestServiceMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new TreeMap<>(System.getenv());
    String name = env.get("SERVICE_NAME");
    if ("crash-on-start".equals(env.get("SAMPLE_DEFECTS"))) {
      System.out.println(name + ": crashing on purpose");
      System.exit(3);
    }
    Path startedOnce = Path.of(name + ".started-once");
    if ("crash-on-first-start".equals(env.get("SAMPLE_DEFECTS")) && !Files.exists(startedOnce)) {
      Files.createFile(startedOnce);
      System.out.println(name + ": crashing on the first start");
      System.exit(4);
    }
    if (env.containsKey("DB_URL")) {
      try (Connection connection = DriverManager.getConnection(
          env.get("DB_URL"), env.get("DB_USER"), env.get("DB_PASSWORD"));
          Statement statement = connection.createStatement()) {
        statement.execute("create table if not exists started (service text)");
        statement.execute("insert into started values ('" + name + "')");
      }
    }
    if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
      try (KafkaProducer<String, String> producer =
          KafkaClients.producer(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
        producer.send(new ProducerRecord<>("test.events", name, name + " started"))
            .get(20, TimeUnit.SECONDS);
      }
    }
    if (env.containsKey("PROVIDER_URL")) {
      HttpURLConnection call = (HttpURLConnection)
          URI.create(env.get("PROVIDER_URL") + "/health").toURL().openConnection();
      if (call.getResponseCode() != 200) {
        throw new IllegalStateException("provider answered " + call.getResponseCode());
      }
    }
    HttpServer server = HttpServer.create(
        new InetSocketAddress("127.0.0.1", Integer.parseInt(env.get("HTTP_PORT"))), 0);
    server.createContext("/health", exchange -> reply(exchange, "UP"));
    server.createContext("/env", exchange -> {
      StringBuilder text = new StringBuilder();
      env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
      reply(exchange, text.toString());
    });
    server.start();
    System.out.println(name + ": serving on " + env.get("HTTP_PORT"));
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
