package dev.chaosharness.core.experiment;

import dev.chaosharness.core.traffic.LoadProfile;
import java.time.Duration;
import java.util.Set;

/** Reads the {@code traffic} extension. */
final class TrafficParser {

  static final Set<String> FIELDS = Set.of("scenario", "rate", "warm-up", "seed", "profile", "service");

  private TrafficParser() {}

  static TrafficSpec traffic(Node node) {
    node.onlyKnown(FIELDS);
    Node rate = node.require("rate");
    double perSecond = rate.number();
    if (!(perSecond > 0) || perSecond > 100_000) {
      throw rate.error("must be within (0, 100000] arrivals per second, but was " + rate.scalarValue());
    }
    Duration warmUp = node.field("warm-up").map(n -> {
      Duration d = n.duration();
      if (d.isNegative()) {
        throw n.error("must not be negative, but was " + DurationText.format(d));
      }
      return d;
    }).orElse(Duration.ofSeconds(5));
    LoadProfile profile = node.field("profile").map(n -> {
      try {
        return LoadProfile.parse(n.string());
      } catch (IllegalArgumentException e) {
        throw n.error(e.getMessage());
      }
    }).orElse(LoadProfile.CONSTANT);
    return new TrafficSpec(node.require("scenario").nonBlank(), perSecond, warmUp,
        node.field("seed").map(Node::integer).orElse(1L), profile,
        node.field("service").map(Node::nonBlank).orElse("order"), node.location());
  }
}
