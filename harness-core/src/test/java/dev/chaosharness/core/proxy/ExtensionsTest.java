package dev.chaosharness.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our extensions over Toxiproxy: a real seed, leases and Prometheus metrics. */
class ExtensionsTest {

  static EchoServer echo;

  @BeforeAll
  static void start() throws IOException {
    echo = new EchoServer();
  }

  @AfterAll
  static void stop() throws IOException {
    echo.close();
  }

  @Test
  void should_roll_the_same_toxicity_pattern_when_the_seed_is_the_same() throws IOException {
    // when
    List<Boolean> first = toxicityPattern(42);
    List<Boolean> second = toxicityPattern(42);

    // then
    assertThat(first).isEqualTo(second).contains(true, false);
  }

  private static List<Boolean> toxicityPattern(long seed) throws IOException {
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.builder().seed(seed).build())) {
      ToxiproxyClient client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
      Proxy proxy = client.createProxy("rolls", "127.0.0.1:0", echo.address());
      proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 500).setToxicity(0.5f);
      List<Boolean> delayed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        try (Socket socket = Sockets.connect(proxy.getListen())) {
          delayed.add(Sockets.roundTripMillis(socket, new byte[] {1}) >= 480);
        }
      }
      return delayed;
    }
  }

  @Test
  void should_remove_the_toxic_when_its_lease_expires() throws IOException {
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.ofDefaults())) {
      // given
      ApiClient api = new ApiClient(server.apiUrl());
      api.send("POST", "/proxies", "{\"name\": \"leased\", \"upstream\": \"" + echo.address() + "\"}");

      // when
      HttpResponse<String> created = api.send("POST", "/proxies/leased/toxics",
          "{\"type\": \"latency\", \"ttl\": 300, \"attributes\": {\"latency\": 100}}");

      // then
      assertThat(created.body()).contains("\"ttl\":300");
      assertThat(api.send("GET", "/proxies/leased/toxics", null).body()).contains("latency_downstream");
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(api.send("GET", "/proxies/leased/toxics", null).body()).isEqualTo("[]"));
    }
  }

  @Test
  void should_renew_the_lease_when_the_ttl_is_patched() throws Exception {
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.ofDefaults())) {
      // given
      ApiClient api = new ApiClient(server.apiUrl());
      api.send("POST", "/proxies", "{\"name\": \"leased\", \"upstream\": \"" + echo.address() + "\"}");
      api.send("POST", "/proxies/leased/toxics", "{\"type\": \"latency\", \"ttl\": 400}");

      // when
      Thread.sleep(200);
      api.send("PATCH", "/proxies/leased/toxics/latency_downstream", "{\"ttl\": 60000}");
      Thread.sleep(600);

      // then
      assertThat(api.send("GET", "/proxies/leased/toxics", null).body()).contains("\"ttl\":60000");
    }
  }

  @Test
  void should_expose_per_proxy_metrics_when_scraped() throws IOException {
    try (FaultProxy server = FaultProxy.start(FaultProxyConfig.ofDefaults())) {
      // given
      ToxiproxyClient client = new ToxiproxyClient(server.apiAddress().getHostString(), server.apiAddress().getPort());
      Proxy proxy = client.createProxy("order->kafka", "127.0.0.1:0", echo.address());
      proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 1);
      try (Socket socket = Sockets.connect(proxy.getListen())) {
        Sockets.roundTripMillis(socket, new byte[3]);
      }

      // when
      HttpResponse<String> metrics = new ApiClient(server.apiUrl()).send("GET", "/metrics", null);

      // then
      assertThat(metrics.headers().firstValue("Content-Type")).contains(MetricsText.CONTENT_TYPE);
      assertThat(metrics.body())
          .contains("# TYPE chaosproxy_connections_total counter\n")
          .contains("chaosproxy_connections_total{proxy=\"order->kafka\"} 1\n")
          .contains("chaosproxy_bytes_total{proxy=\"order->kafka\",direction=\"upstream\"} 3\n")
          .contains("chaosproxy_bytes_total{proxy=\"order->kafka\",direction=\"downstream\"} 3\n")
          .contains("chaosproxy_toxics_active{proxy=\"order->kafka\"} 1\n");
    }
  }
}
