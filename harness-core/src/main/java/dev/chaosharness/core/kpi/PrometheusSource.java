package dev.chaosharness.core.kpi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes a Prometheus metrics endpoint (text format) once per sampling round and names each
 * value {@code <name>:<metric>}: counters as {@code <name>:<family>.rate} per second,
 * histograms as {@code <name>:<family>.p50/.p90/.p99}, gauges as {@code <name>:<family>}; each
 * summed over the family's label sets.
 *
 * <pre>{@code
 * MetricSource payment = PrometheusSource.of("payment", URI.create("http://127.0.0.1:8081/metrics"));
 * // later: sample.value("payment:saga_started_total.rate")
 * }</pre>
 *
 * <p>Used from the sampler thread only. A failed scrape logs a warning and yields no values.
 */
public final class PrometheusSource implements MetricSource {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusSource.class);

  private final String name;
  private final URI endpoint;
  private final HttpClient client;
  private final Duration timeout;
  private final TargetMetrics metrics = new TargetMetrics();

  private PrometheusSource(String name, URI endpoint, Duration timeout) {
    this.name = name;
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Creates a source scraping {@code endpoint} with a 500 ms timeout. */
  public static PrometheusSource of(String name, URI endpoint) {
    if (name == null || name.isBlank() || name.contains(":")) {
      throw new IllegalArgumentException("name must be non-blank without ':', but was '" + name + "'");
    }
    return new PrometheusSource(name, endpoint, Duration.ofMillis(500));
  }

  @Override
  public Map<String, Double> read(Instant now) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warn("Scrape of {} ({}) answered HTTP {}; no target values this round", name, endpoint, response.statusCode());
        return Map.of();
      }
      return named(parse(response.body()), now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (Exception e) {
      LOG.warn("Scrape of {} ({}) failed; no target values this round: {}", name, endpoint, e.toString());
      return Map.of();
    }
  }

  /** Turns one exposition, read at {@code now}, into named values (visible for tests). */
  Map<String, Double> named(PrometheusText.Exposition exposition, Instant now) {
    Map<String, Double> values = new HashMap<>();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    metrics.update(exposition, nanos).forEach((metric, value) -> values.put(name + ":" + metric, value));
    return values;
  }

  private static PrometheusText.Exposition parse(String body) {
    return PrometheusText.parse(body);
  }
}
