package dev.chaosharness.traffic.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.chaosharness.core.traffic.RateSegment;
import dev.chaosharness.core.traffic.TrafficPlan;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;

/**
 * The parts every synthetic simulation shares: the marked HTTP protocol, the open-model
 * injection of a plan, its assertions, and reading the traffic-log facts back from a session.
 *
 * <p>Stateless and thread-safe.
 */
final class SyntheticHttp {

  /** The header that marks a request as synthetic. */
  static final String MARKER_HEADER = "X-Synthetic";

  private SyntheticHttp() {}

  static HttpProtocolBuilder protocol(TrafficPlan plan) {
    return http.baseUrl(plan.baseUrl().toString())
        .shareConnections()
        .maxConnectionsPerHost(plan.maxConnections())
        .warmUp(plan.baseUrl().toString()) // warms the HTTP client against the target, not the internet
        .disableCaching()
        .acceptHeader("application/json")
        .userAgentHeader("chaos-harness-synthetics")
        .header(MARKER_HEADER, "true");
  }

  static List<OpenInjectionStep> injection(TrafficPlan plan) {
    List<RateSegment> segments = plan.profile().segments(plan.rate(), plan.duration());
    return segments.stream()
        .map(s -> s.isConstant()
            ? (OpenInjectionStep) constantUsersPerSec(s.startRate()).during(s.duration())
            : rampUsersPerSec(s.startRate()).to(s.endRate()).during(s.duration()))
        .toList();
  }

  static List<Assertion> assertions(TrafficPlan plan) {
    return List.of(
        global().responseTime().percentile(plan.assertions().percentile())
            .lte((int) plan.assertions().maxLatency().toMillis()),
        global().failedRequests().percent().lte(plan.assertions().maxErrorRatio() * 100));
  }

  /** The HTTP status a check saved, or 0 when the request got no response. */
  static int status(Session session) {
    return session.contains("status") ? session.getInt("status") : 0;
  }

  /** The session without the per-request attributes, ready for the next request. */
  static Session forget(Session session) {
    return session.removeAll("status", "orderStatus");
  }
}
