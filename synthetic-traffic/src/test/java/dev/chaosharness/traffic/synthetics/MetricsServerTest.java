package dev.chaosharness.traffic.synthetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosharness.core.traffic.RequestOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

  @Test
  void should_serve_the_current_metrics_when_scraped() throws Exception {
    // given
    SyntheticsMetrics metrics = new SyntheticsMetrics();
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics)) {
      metrics.record(new CycleReport("browse", 0, 1, Instant.EPOCH, Duration.ofSeconds(1), true,
          Map.of(RequestOutcome.OK, 4L), List.of()));
      // when
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body()).contains("synthetic_check_success{scenario=\"browse\"} 1\n");
    }
  }

  @Test
  void should_name_the_address_and_the_fix_when_the_port_is_taken() {
    // given
    try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, new SyntheticsMetrics())) {
      // when / then
      assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", first.port(), new SyntheticsMetrics()))
          .hasMessage("Cannot serve synthetics metrics on 127.0.0.1:" + first.port()
              + ": Address already in use; choose another --metrics-port");
    }
  }
}
