package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code goals} and {@code abort} extensions and rejects goals that can never be met. */
final class GoalParser {

  private GoalParser() {}

  static List<Goal> goals(Node node, Duration sampleInterval, boolean hasTraffic, boolean hasFaults) {
    List<String> known = Arrays.stream(Goal.Kind.values()).map(Goal.Kind::fileName).toList();
    node.onlyKnown(known);
    if (!hasTraffic && !node.fields().isEmpty()) {
      throw node.error("goals are measured on the KPI timeline of the experiment's traffic, but the experiment "
          + "has no 'traffic'; add traffic: {scenario: place-order, rate: 10}");
    }
    if (!hasFaults && !node.fields().isEmpty()) {
      throw node.error("goals are measured around the faults of the method, but the method has no fault action");
    }
    List<Goal> goals = new ArrayList<>();
    for (Map.Entry<String, Node> entry : node.fields().entrySet()) {
      Goal.Kind kind = Goal.Kind.valueOf(entry.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      Node value = entry.getValue();
      if (kind == Goal.Kind.SUCCESS_RATIO_DURING_FAULT) {
        double ratio = value.number();
        if (!(ratio >= 0 && ratio <= 1)) {
          throw value.error("must be a ratio within [0.0, 1.0], but was " + value.scalarValue());
        }
        goals.add(new Goal(kind, Duration.ZERO, ratio, value.location()));
        continue;
      }
      Duration limit = value.positiveDuration();
      if (kind != Goal.Kind.IMPACT_DURATION && limit.compareTo(sampleInterval) < 0) {
        throw value.error(kind.fileName() + " " + DurationText.format(limit) + " is shorter than the KPI sampling "
            + "interval " + DurationText.format(sampleInterval) + ", so it can never be measured as met; raise the "
            + "goal or lower sample-interval");
      }
      goals.add(new Goal(kind, limit, Double.NaN, value.location()));
    }
    return goals;
  }

  static List<AbortCondition> abort(Node node, boolean hasTraffic) {
    List<AbortCondition> conditions = new ArrayList<>();
    for (Node item : node.isList() ? node.items() : List.of(node)) {
      item.onlyKnown(Set.of("metric", "below", "above", "for"));
      if (!hasTraffic) {
        throw item.error("abort conditions watch the KPI timeline of the experiment's traffic, but the experiment "
            + "has no 'traffic'");
      }
      boolean below = item.field("below").isPresent();
      boolean above = item.field("above").isPresent();
      if (below == above) {
        throw item.error("needs exactly one of 'below' or 'above', but had " + (below ? "both" : "neither"));
      }
      double bound = item.require(below ? "below" : "above").number();
      Duration duration = item.field("for").map(n -> {
        Duration d = n.duration();
        if (d.isNegative()) {
          throw n.error("must not be negative, but was " + DurationText.format(d));
        }
        return d;
      }).orElse(Duration.ZERO);
      conditions.add(new AbortCondition(item.require("metric").nonBlank(), below, bound, duration, item.location()));
    }
    return conditions;
  }
}
