package dev.chaosharness.core.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * Renders a {@link TrafficResult} as JSON for machines: the command line's {@code --json}, the
 * journal, synthetics' cycle lines.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrafficResultJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TrafficResultJson() {}

  /** The result as a JSON tree. */
  public static ObjectNode toTree(TrafficResult r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("scenario", r.plan().scenario());
    node.put("baseUrl", r.plan().baseUrl().toString());
    node.put("profile", r.plan().profile().label());
    node.put("rate", r.plan().rate());
    node.put("durationSeconds", r.plan().duration().toMillis() / 1000.0);
    node.put("seed", r.plan().seed());
    node.put("status", r.status().name());
    node.put("passed", r.passed());
    node.put("arrivals", r.arrivals());
    node.put("requests", r.requests());
    ObjectNode outcomes = node.putObject("requestsByOutcome");
    for (RequestOutcome outcome : RequestOutcome.values()) {
      outcomes.put(outcome.label(), r.requestsByOutcome().getOrDefault(outcome, 0L));
    }
    ObjectNode orders = node.putObject("ordersByStatus");
    for (Map.Entry<String, Long> e : r.ordersByStatus().entrySet()) {
      orders.put(e.getKey(), e.getValue());
    }
    node.put("intendedRate", round(r.intendedRate()));
    node.put("achievedRate", round(r.achievedRate()));
    node.put("rateRatio", round(r.rateRatio()));
    ObjectNode latency = node.putObject("latencyMs");
    latency.put("p50", ms(r.latency().p50()));
    latency.put("p90", ms(r.latency().p90()));
    latency.put("p95", ms(r.latency().p95()));
    latency.put("p99", ms(r.latency().p99()));
    latency.put("max", ms(r.latency().max()));
    node.put("sendLagP99Ms", ms(r.sendLagP99()));
    var assertions = node.putArray("assertions");
    for (AssertionOutcome a : r.assertions()) {
      assertions.addObject().put("description", a.description()).put("actual", a.actual()).put("passed", a.passed());
    }
    node.put("trafficLog", r.trafficLog().toString());
    node.put("report", r.report() == null ? null : r.report().toString());
    return node;
  }

  /** The result as indented JSON text. */
  public static String toJson(TrafficResult r) {
    return toTree(r).toPrettyString();
  }

  private static long ms(Duration d) {
    return d.toMillis();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
