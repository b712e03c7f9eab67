package dev.chaosharness.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.chaosharness.core.check.Anomaly;
import dev.chaosharness.core.history.EventHistory;
import dev.chaosharness.core.history.RecordedEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {

  private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";
  private static final Map<String, String> SERVICES = Map.of("orders.events", "order", "payments.events", "payment");
  private final OtlpReceiver receiver = OtlpReceiver.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    receiver.close();
    receiver.close();
  }

  private static ExportTraceServiceRequest export(String service, String trace, String span, String parent) {
    Span.Builder s = Span.newBuilder().setTraceId(bytes(trace)).setSpanId(bytes(span)).setName(service + " work")
        .setStartTimeUnixNano(1_000).setEndTimeUnixNano(2_000);
    if (parent != null) {
      s.setParentSpanId(bytes(parent));
    }
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
            .setValue(AnyValue.newBuilder().setStringValue(service))))
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(s))).build();
  }

  private static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  private HttpResponse<String> post(byte[] body, String type, boolean gzip) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void should_store_spans_with_their_service_when_services_export_protobuf() throws Exception {
    // when
    HttpResponse<String> plain = post(export("order", TRACE_A, "00f067aa0ba902b7", null).toByteArray(), "application/x-protobuf", false);
    HttpResponse<String> zipped = post(gzip(export("payment", TRACE_A, "00f067aa0ba902b8", "00f067aa0ba902b7").toByteArray()),
        "application/x-protobuf", true);
    // then
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(receiver.spans().trace(TRACE_A)).containsExactlyInAnyOrder(
        new RecordedSpan(TRACE_A, "00f067aa0ba902b7", null, "order work", "order", 1_000, 2_000),
        new RecordedSpan(TRACE_A, "00f067aa0ba902b8", "00f067aa0ba902b7", "payment work", "payment", 1_000, 2_000));
  }

  @Test
  void should_answer_415_and_400_when_the_request_is_not_otlp_protobuf() throws Exception {
    // when
    HttpResponse<String> json = post("{}".getBytes(), "application/json", false);
    HttpResponse<String> garbage = post(new byte[] {(byte) 0xff, 1, 2}, "application/x-protobuf", false);
    // then
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.body()).isEqualTo("only application/x-protobuf is supported (set OTEL_EXPORTER_OTLP_PROTOCOL="
        + "http/protobuf), but the request was application/json");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).startsWith("not an OTLP ExportTraceServiceRequest: ");
    assertThat(receiver.spans().spanCount()).isZero();
  }

  private static RecordedEvent event(String order, String topic, String type, long id, String trace) {
    Instant t = Instant.parse("2026-11-22T01:00:00Z");
    return new RecordedEvent(topic, 0, id, order, new UUID(0, id), type, order, t, id == 1 ? null : new UUID(0, id - 1),
        true, trace, t);
  }

  @Test
  void should_find_each_trace_anomaly_and_measure_completeness_when_checking_sagas() throws Exception {
    // given: o-1 complete; o-2 payment span missing; o-3 split; o-4 no header; o-5 never exported
    post(export("order", TRACE_A, "00f067aa0ba902b7", null).toByteArray(), "application/x-protobuf", false);
    post(export("payment", TRACE_A, "00f067aa0ba902b8", "00f067aa0ba902b7").toByteArray(), "application/x-protobuf", false);
    post(export("order", TRACE_B, "00f067aa0ba902b9", null).toByteArray(), "application/x-protobuf", false);
    String traceC = "11111111111111111111111111111111";
    EventHistory history = new EventHistory();
    history.append(event("o-1", "orders.events", "OrderCreated", 1, TRACE_A));
    history.append(event("o-1", "payments.events", "PaymentProcessed", 2, TRACE_A));
    history.append(event("o-2", "orders.events", "OrderCreated", 3, TRACE_B));
    history.append(event("o-2", "payments.events", "PaymentProcessed", 4, TRACE_B));
    history.append(event("o-3", "orders.events", "OrderCreated", 5, TRACE_A));
    history.append(event("o-3", "payments.events", "PaymentProcessed", 6, TRACE_B));
    history.append(event("o-4", "orders.events", "OrderCreated", 7, null));
    history.append(event("o-5", "orders.events", "OrderCreated", 8, traceC));
    TraceCheck check = TraceCheck.of(receiver.spans(), SERVICES);
    // when
    List<String> anomalies = check.check(history).stream().map(Anomaly::toString).toList();
    // then
    assertThat(anomalies).containsExactly(
        "[traces] MISSING_SPANS o-2: trace " + TRACE_B + " has spans from [order] but the saga touched [order, payment]; "
            + "[payment] exported no span in it (evidence: OrderCreated@orders.events/0:3)",
        "[traces] SPLIT_TRACE o-3: the saga's events carry 2 trace ids [" + TRACE_B + ", " + TRACE_A + "]; a consumer "
            + "started a new trace instead of continuing it (evidence: OrderCreated@orders.events/0:5, "
            + "PaymentProcessed@payments.events/0:6)",
        "[traces] NO_TRACE o-4: OrderCreated carries no traceparent header; its producer does not propagate the trace "
            + "context (evidence: OrderCreated@orders.events/0:7)",
        "[traces] TRACE_NOT_RECEIVED o-5: no span of trace " + traceC + " reached the receiver; are the services "
            + "exporting to it (OTEL_EXPORTER_OTLP_ENDPOINT)? (evidence: OrderCreated@orders.events/0:8)");
    assertThat(check.completeness(history)).isEqualTo(0.2);
  }
}
