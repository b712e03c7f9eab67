package dev.chaosharness.sample.kit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The KPI meters of DESIGN.md, every one tagged {@code service}, exported in Prometheus form.
 *
 * <p>Thread-safe.
 */
public final class ServiceMetrics {

  private final PrometheusMeterRegistry registry;

  /**
   * Creates the registry for one service.
   *
   * @param service the value of the {@code service} tag
   */
  public ServiceMetrics(String service) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
  }

  /**
   * Returns the registry, for binders and gauges.
   *
   * @return the registry
   */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Renders the Prometheus text exposition.
   *
   * @return the scrape body
   */
  public String scrape() {
    return registry.scrape();
  }

  /** Counts a started saga ({@code saga_started_total}). */
  public void sagaStarted() {
    registry.counter("saga.started").increment();
  }

  /**
   * Records a finished saga ({@code saga_completed_total{outcome}}, {@code saga_duration_seconds}).
   *
   * @param outcome {@code completed} or {@code failed}
   * @param duration from placement to the terminal event
   */
  public void sagaCompleted(String outcome, Duration duration) {
    registry.counter("saga.completed", "outcome", outcome).increment();
    Timer.builder("saga.duration").publishPercentileHistogram().register(registry).record(duration);
  }

  /**
   * Counts a published event ({@code events_published_total{type}}).
   *
   * @param type the event type
   */
  public void published(String type) {
    registry.counter("events.published", "type", type).increment();
  }

  /**
   * Counts a consumed event ({@code events_consumed_total{type,outcome}}).
   *
   * @param type the event type
   * @param outcome {@code handled}, {@code ignored}, {@code duplicate} or {@code fault}
   */
  public void consumed(String type, String outcome) {
    registry.counter("events.consumed", "type", type, "outcome", outcome).increment();
  }

  /**
   * Counts an event sent to a fault topic ({@code events_fault_total{topic}}).
   *
   * @param topic the source topic
   */
  public void fault(String topic) {
    registry.counter("events.fault", "topic", topic).increment();
  }

  /** Counts a redelivered event the inbox dropped ({@code inbox_duplicates_total}). */
  public void inboxDuplicate() {
    registry.counter("inbox.duplicates").increment();
  }

  /**
   * Counts a call to the payment provider ({@code provider_calls_total{outcome}}).
   *
   * @param outcome e.g. {@code approved}, {@code declined}, {@code error}, {@code rejected}
   */
  public void providerCall(String outcome) {
    registry.counter("provider.calls", "outcome", outcome).increment();
  }

  /**
   * Returns the HTTP server timer ({@code http_server_requests_seconds}).
   *
   * @param method the HTTP method
   * @param uri the route template
   * @param status the response status
   * @return the timer
   */
  public Timer httpTimer(String method, String uri, int status) {
    return Timer.builder("http.server.requests")
        .tags("method", method, "uri", uri, "status", Integer.toString(status))
        .register(registry);
  }

  /**
   * Returns a counter, for tests and service-specific meters.
   *
   * @param name the meter name
   * @param tags alternating tag keys and values
   * @return the counter
   */
  public Counter counter(String name, String... tags) {
    return registry.counter(name, tags);
  }
}
