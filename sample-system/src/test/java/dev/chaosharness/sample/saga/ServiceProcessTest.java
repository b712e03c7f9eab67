package dev.chaosharness.sample.saga;

import static dev.chaosharness.sample.saga.SampleShop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.chaosharness.core.env.PostgresServer;
import dev.chaosharness.sample.kit.Defects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  private static SampleShop shop;

  @BeforeAll
  static void start() throws Exception {
    shop = SampleShop.get();
  }

  @Test
  void should_serve_its_part_of_the_saga_with_json_logs_when_run_as_its_own_process() throws Exception {
    // given
    int port = SampleShop.freePort();
    Path logFile = Files.createTempFile(Path.of("target"), "shipping-", ".log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "dev.chaosharness.sample.shipping.ShippingServiceMain"))
        .redirectErrorStream(true).redirectOutput(logFile.toFile());
    PostgresServer.Database database = shop.database("shipping");
    builder.environment().putAll(java.util.Map.of("SERVICE_NAME", "shipping", "HTTP_PORT", Integer.toString(port),
        "KAFKA_BOOTSTRAP_SERVERS", shop.kafka.bootstrapServers(), "DB_URL", database.jdbcUrl(),
        "DB_USER", database.user(), "DB_PASSWORD", database.password()));
    shop.stop("shipping");
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI health = URI.create("http://127.0.0.1:" + port + "/health");
      await().atMost(Saga.TIMEOUT).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(health).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

      // when
      String orderId = Saga.place(shop, order("SKU-040", 1, "4242424242424242", "1 Test Street"));

      // then
      assertThat(Saga.awaitStatus(shop, orderId)).isEqualTo("COMPLETED");
      assertThat(Files.readAllLines(logFile)).anySatisfy(line -> assertThat(line)
          .startsWith("{").contains("\"level\":\"INFO\"").contains("Service shipping ready on port " + port));
    } finally {
      process.destroy();
      process.waitFor(15, TimeUnit.SECONDS);
      process.destroyForcibly();
      shop.start("shipping", Defects.none());
    }
  }
}
