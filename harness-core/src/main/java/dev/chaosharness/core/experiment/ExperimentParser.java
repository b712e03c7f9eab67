package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds an {@link Experiment} from the node tree of a file; not thread-safe (one per file). */
final class ExperimentParser {

  static final Set<String> TOP_LEVEL = Set.of(
      // Chaos Toolkit
      "version", "title", "description", "tags", "contributions", "configuration", "secrets", "extensions",
      "controls", "runtime", "steady-state-hypothesis", "method", "rollbacks",
      // harness extensions
      "traffic", "observe", "recover-timeout", "sample-interval", "drain-timeout", "invariants", "saga-spec",
      "saga-deadline", "goals", "abort");

  static final Duration DEFAULT_OBSERVE_WITH_FAULTS = Duration.ofSeconds(10);
  static final Duration DEFAULT_RECOVER_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final FaultKinds kinds;

  ExperimentParser(FaultKinds kinds) {
    this.kinds = kinds;
  }

  Experiment experiment(Node root) {
    root.onlyKnown(TOP_LEVEL);
    String title = root.require("title").nonBlank();
    String description = root.field("description").map(Node::string).orElse("");
    List<String> tags = root.field("tags").map(Node::strings).orElse(List.of());
    Map<String, ConfigValue> configuration = configuration(root);
    ActivityParser activities = new ActivityParser(kinds, configuration.keySet());
    configuration.values().forEach(v -> v.literal().ifPresent(l -> activities.checkReferences(l, v.location())));
    Optional<Hypothesis> hypothesis = root.field("steady-state-hypothesis").map(activities::hypothesis);
    List<Activity> method = activities.list(root.require("method"), false);
    List<Activity> rollbacks = root.field("rollbacks").map(n -> activities.list(n, true)).orElse(List.of());
    Extensions ext = new Extensions(root, !method.stream().filter(a -> a.provider() instanceof FaultProvider).toList().isEmpty());
    if (ext.traffic().isEmpty()) {
      List<Activity> all = new ArrayList<>(method);
      hypothesis.ifPresent(h -> all.addAll(0, h.probes()));
      all.stream().filter(a -> a.provider() instanceof KpiProvider).findFirst().ifPresent(a -> {
        throw a.location().child("provider").error("a kpi probe reads the KPI timeline of the experiment's "
            + "traffic, but the experiment has no 'traffic'; add traffic: {scenario: place-order, rate: 10}");
      });
    }
    return new Experiment(title, description, tags, root.file().toString(), configuration, hypothesis, method,
        rollbacks, ext.traffic(), ext.observe(), ext.recoverTimeout(), ext.sampleInterval(), ext.drainTimeout(),
        ext.invariants(), ext.goals(), ext.abort());
  }

  private static Map<String, ConfigValue> configuration(Node root) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    root.field("configuration").ifPresent(config -> config.fields().forEach((name, node) -> {
      if (node.isMap() && node.field("type").map(Node::describe).orElse("").equals("'env'")) {
        node.onlyKnown(Set.of("type", "key", "default"));
        values.put(name, new ConfigValue(node.field("default").map(Node::toPlain), Optional.of(node.require("key")
            .nonBlank()), node.location()));
      } else {
        values.put(name, new ConfigValue(Optional.ofNullable(node.toPlain()), Optional.empty(), node.location()));
      }
    }));
    return values;
  }

  /** The harness's extension fields, validated against each other. */
  private static final class Extensions {

    private final Node root;
    private final Duration sampleInterval;
    private final Optional<TrafficSpec> traffic;
    private final boolean hasFaults;

    Extensions(Node root, boolean hasFaults) {
      this.root = root;
      this.hasFaults = hasFaults;
      this.sampleInterval = root.field("sample-interval").map(n -> {
        Duration d = n.positiveDuration();
        if (d.toMillis() < 100) {
          throw n.error("must be at least 100ms, but was " + DurationText.format(d));
        }
        return d;
      }).orElse(DEFAULT_SAMPLE_INTERVAL);
      this.traffic = root.field("traffic").map(TrafficParser::traffic);
    }

    Optional<TrafficSpec> traffic() {
      return traffic;
    }

    Duration observe() {
      return root.field("observe").map(n -> {
        Duration d = n.duration();
        if (d.isNegative()) {
          throw n.error("must not be negative, but was " + DurationText.format(d));
        }
        return d;
      }).orElse(hasFaults ? DEFAULT_OBSERVE_WITH_FAULTS : Duration.ZERO);
    }

    Duration recoverTimeout() {
      return root.field("recover-timeout").map(Node::positiveDuration).orElse(DEFAULT_RECOVER_TIMEOUT);
    }

    Duration sampleInterval() {
      return sampleInterval;
    }

    Duration drainTimeout() {
      return root.field("drain-timeout").map(Node::positiveDuration).orElse(DEFAULT_DRAIN_TIMEOUT);
    }

    Optional<InvariantSpec> invariants() {
      Optional<Node> node = root.field("invariants");
      if (node.isEmpty()) {
        for (String dependent : List.of("saga-spec", "saga-deadline")) {
          root.field(dependent).ifPresent(n -> {
            throw n.error("has no effect without 'invariants'; add invariants: all");
          });
        }
        return Optional.empty();
      }
      List<String> checkers = new ArrayList<>();
      Node list = node.get();
      if (!list.isList() && "all".equals(list.string())) {
        checkers.addAll(InvariantSpec.KNOWN);
      } else {
        for (Node item : list.isList() ? list.items() : List.of(list)) {
          String name = item.nonBlank();
          if (!InvariantSpec.KNOWN.contains(name)) {
            throw item.error("unknown invariant '" + name + "'" + Suggest.nearest(name, InvariantSpec.KNOWN)
                .map(s -> "; did you mean '" + s + "'?").orElse("") + " Known invariants: " + InvariantSpec.KNOWN
                + " or all");
          }
          checkers.add(name);
        }
      }
      if (traffic.isEmpty()) {
        throw list.error("invariants are checked over the sagas the traffic starts, but the experiment has no "
            + "'traffic'; add traffic: {scenario: place-order, rate: 10}");
      }
      Optional<java.nio.file.Path> spec = root.field("saga-spec").map(n -> resolve(n.nonBlank()));
      Duration deadline = root.field("saga-deadline").map(Node::positiveDuration).orElse(Duration.ofSeconds(30));
      return Optional.of(new InvariantSpec(checkers, spec, deadline, list.location()));
    }

    private java.nio.file.Path resolve(String file) {
      java.nio.file.Path path = java.nio.file.Path.of(file);
      java.nio.file.Path parent = root.file().toAbsolutePath().getParent();
      return path.isAbsolute() || parent == null || root.file().toString().startsWith("classpath:")
          ? path : parent.resolve(path);
    }

    List<Goal> goals() {
      return root.field("goals").map(n -> GoalParser.goals(n, sampleInterval, traffic.isPresent(), hasFaults))
          .orElse(List.of());
    }

    List<AbortCondition> abort() {
      return root.field("abort").map(n -> GoalParser.abort(n, traffic.isPresent())).orElse(List.of());
    }
  }
}
