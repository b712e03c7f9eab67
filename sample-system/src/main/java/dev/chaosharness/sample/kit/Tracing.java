package dev.chaosharness.sample.kit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * OpenTelemetry tracing for a service: spans exported over OTLP/HTTP when an endpoint is set,
 * W3C trace context carried in Kafka headers, HTTP headers and outbox rows either way.
 *
 * <p>Thread-safe.
 */
public final class Tracing implements AutoCloseable {

  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final OpenTelemetry openTelemetry;
  private final SdkTracerProvider provider;
  private final Tracer tracer;

  private Tracing(OpenTelemetry openTelemetry, SdkTracerProvider provider) {
    this.openTelemetry = openTelemetry;
    this.provider = provider;
    this.tracer = openTelemetry.getTracer("dev.chaosharness.sample");
  }

  /**
   * Creates tracing; exports to {@code <endpoint>/v1/traces} when the endpoint is non-blank, else
   * only propagates the context it receives.
   *
   * @param serviceName the {@code service.name} resource attribute
   * @param endpoint the OTLP/HTTP base endpoint, or blank
   * @return the tracing
   */
  public static Tracing create(String serviceName, String endpoint) {
    ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    if (endpoint == null || endpoint.isBlank()) {
      return new Tracing(OpenTelemetry.propagating(propagators), null);
    }
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
        .addSpanProcessor(BatchSpanProcessor.builder(
            OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build()).build())
        .build();
    OpenTelemetry sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(provider)
        .setPropagators(propagators)
        .build();
    return new Tracing(sdk, provider);
  }

  /**
   * Extracts a context from text headers such as {@code traceparent}.
   *
   * @param headers the carrier
   * @return the remote parent context, or the root context when none
   */
  public Context extract(Map<String, String> headers) {
    return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, MAP_GETTER);
  }

  /**
   * Renders a context as W3C headers.
   *
   * @param context the context
   * @return {@code traceparent} (and {@code tracestate}) or empty when the context has no span
   */
  public Map<String, String> inject(Context context) {
    Map<String, String> headers = new HashMap<>();
    openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, Map::put);
    return headers;
  }

  /**
   * Starts a span, made current with its ids in the logging MDC until the scope closes.
   *
   * @param name the span name
   * @param kind the span kind
   * @param parent the parent context
   * @return the scope; close it on the same thread
   */
  public SpanScope start(String name, SpanKind kind, Context parent) {
    Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    return new SpanScope(span, parent.with(span));
  }

  @Override
  public void close() {
    if (provider != null) {
      provider.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** A current span with its MDC entries; closing ends the span and restores the MDC. */
  public static final class SpanScope implements AutoCloseable {
    private final Span span;
    private final Context context;
    private final io.opentelemetry.context.Scope scope;
    private final String previousTrace;
    private final String previousSpan;

    SpanScope(Span span, Context context) {
      this.span = span;
      this.context = context;
      this.scope = context.makeCurrent();
      this.previousTrace = MDC.get("trace_id");
      this.previousSpan = MDC.get("span_id");
      SpanContext ids = span.getSpanContext();
      if (ids.isValid()) {
        MDC.put("trace_id", ids.getTraceId());
        MDC.put("span_id", ids.getSpanId());
      }
    }

    /**
     * Returns the span.
     *
     * @return the span
     */
    public Span span() {
      return span;
    }

    /**
     * Returns the context holding the span.
     *
     * @return the context
     */
    public Context context() {
      return context;
    }

    @Override
    public void close() {
      span.end();
      scope.close();
      restore("trace_id", previousTrace);
      restore("span_id", previousSpan);
    }

    private static void restore(String key, String value) {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }
}
