package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.TargetDescription;
import java.util.List;

/** A described system with one service at a base URL, a link {@code payment->provider} and no processes. */
final class FakeEnvironment {

  private FakeEnvironment() {}

  /** The environment of a shop whose {@code order} service answers at {@code baseUrl}. */
  static ExternalEnvironment at(String baseUrl) {
    return of(new TargetDescription.Service("order", baseUrl, null, null));
  }

  /** The same, with the {@code order} service's Prometheus metrics at {@code baseUrl/metrics}. */
  static ExternalEnvironment withMetrics(String baseUrl) {
    return of(new TargetDescription.Service("order", baseUrl, null, baseUrl + "/metrics"));
  }

  private static ExternalEnvironment of(TargetDescription.Service order) {
    return ExternalEnvironment.of(new TargetDescription("fake-shop", false, null, List.of(order), null,
        List.of(new TargetDescription.Link("payment->provider", "127.0.0.1:1", "127.0.0.1:2")),
        "http://127.0.0.1:1", null));
  }
}
