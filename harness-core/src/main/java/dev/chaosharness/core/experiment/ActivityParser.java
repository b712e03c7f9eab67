package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads activities (hypothesis probes, method, rollbacks) and their providers. */
final class ActivityParser {

  static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  static final Set<String> ACTIVITY_FIELDS = Set.of("type", "name", "provider", "tolerance", "pauses", "background",
      "duration", "controls", "configuration", "secrets");
  static final Set<String> PROVIDER_TYPES = new TreeSet<>(List.of("http", "process", "fault", "kpi"));

  private final FaultKinds kinds;
  private final Set<String> configKeys;

  ActivityParser(FaultKinds kinds, Set<String> configKeys) {
    this.kinds = kinds;
    this.configKeys = configKeys;
  }

  Hypothesis hypothesis(Node node) {
    node.onlyKnown(Set.of("title", "probes", "controls"));
    List<Activity> probes = new ArrayList<>();
    for (Node item : node.field("probes").map(Node::items).orElse(List.of())) {
      Activity probe = activity(item, false);
      if (probe.type() != Activity.Type.PROBE) {
        throw item.require("type").error("the steady-state hypothesis holds probes only, but this is a "
            + probe.type().jsonName());
      }
      if (probe.tolerance().isEmpty()) {
        throw item.error("missing required field 'tolerance' (a hypothesis probe needs one)");
      }
      probes.add(probe);
    }
    return new Hypothesis(node.field("title").map(Node::string).orElse(""), probes);
  }

  List<Activity> list(Node node, boolean rollbacks) {
    List<Activity> activities = new ArrayList<>();
    for (Node item : node.items()) {
      Activity activity = activity(item, rollbacks);
      activities.add(activity);
    }
    return activities;
  }

  private Activity activity(Node node, boolean rollback) {
    node.onlyKnown(ACTIVITY_FIELDS);
    Node typeNode = node.require("type");
    String typeName = typeNode.string();
    Activity.Type type = switch (typeName) {
      case "action" -> Activity.Type.ACTION;
      case "probe" -> Activity.Type.PROBE;
      case "pause" -> Activity.Type.PAUSE;
      default -> throw typeNode.error("must be one of [action, probe, pause], but was '" + typeName + "'");
    };
    Duration before = Duration.ZERO;
    Duration after = Duration.ZERO;
    Optional<Node> pauses = node.field("pauses");
    if (pauses.isPresent()) {
      pauses.get().onlyKnown(Set.of("before", "after"));
      before = pauses.get().field("before").map(ActivityParser::notNegative).orElse(Duration.ZERO);
      after = pauses.get().field("after").map(ActivityParser::notNegative).orElse(Duration.ZERO);
    }
    if (type == Activity.Type.PAUSE) {
      Duration duration = notNegative(node.require("duration"));
      return new Activity(node.field("name").map(Node::nonBlank).orElse("pause " + DurationText.format(duration)),
          type, new PauseProvider(duration), Optional.empty(), before, after, node.location());
    }
    String name = node.require("name").nonBlank();
    Provider provider = provider(node.require("provider"), type, rollback);
    Optional<Tolerance> tolerance = node.field("tolerance").map(ToleranceParser::tolerance);
    return new Activity(name, type, provider, tolerance, before, after, node.location());
  }

  private Provider provider(Node node, Activity.Type activityType, boolean rollback) {
    Node typeNode = node.require("type");
    String type = typeNode.string();
    return switch (type) {
      case "http" -> http(node);
      case "process" -> process(node);
      case "kpi" -> {
        if (activityType != Activity.Type.PROBE) {
          throw typeNode.error("a kpi provider reads the timeline, so it belongs to a probe, not an " + activityType.jsonName());
        }
        node.onlyKnown(Set.of("type", "metric", "window"));
        yield new KpiProvider(node.require("metric").nonBlank(),
            node.field("window").map(Node::positiveDuration).orElse(Duration.ofSeconds(5)));
      }
      case "fault" -> {
        if (rollback || activityType != Activity.Type.ACTION) {
          throw typeNode.error("a fault provider belongs to an action of the method (its revert runs by itself), "
              + "not to " + (rollback ? "the rollbacks" : "a " + activityType.jsonName()));
        }
        yield fault(node);
      }
      default -> throw typeNode.error("provider type '" + type + "' is not supported"
          + Suggest.nearest(type, PROVIDER_TYPES).map(s -> "; did you mean '" + s + "'?").orElse(";")
          + " supported types: " + PROVIDER_TYPES + " (Chaos Toolkit's python provider does not run in the harness)");
    };
  }

  private HttpProvider http(Node node) {
    node.onlyKnown(Set.of("type", "url", "method", "headers", "arguments", "timeout", "expected_status",
        "verify_tls", "max_retries", "secrets"));
    Node url = node.require("url");
    checkReferences(url.nonBlank(), url.location());
    Map<String, String> headers = new LinkedHashMap<>();
    node.field("headers").ifPresent(h -> h.fields().forEach((k, v) -> {
      checkReferences(v.string(), v.location());
      headers.put(k, v.string());
    }));
    Optional<Object> arguments = node.field("arguments").map(Node::toPlain);
    arguments.ifPresent(a -> checkReferences(a, node.require("arguments").location()));
    Duration timeout = node.field("timeout").map(t -> t.isList() ? t.items().get(t.items().size() - 1).positiveDuration()
        : t.positiveDuration()).orElse(Duration.ofSeconds(30));
    List<Integer> expected = new ArrayList<>();
    node.field("expected_status").ifPresent(s -> (s.isList() ? s.items() : List.of(s)).forEach(i -> {
      long status = i.integer();
      if (status < 100 || status > 599) {
        throw i.error("must be an HTTP status within [100, 599], but was " + status);
      }
      expected.add((int) status);
    }));
    String method = node.field("method").map(Node::nonBlank).orElse("GET").toUpperCase(java.util.Locale.ROOT);
    return new HttpProvider(url.string(), method, headers, arguments, timeout, expected);
  }

  private ProcessProvider process(Node node) {
    node.onlyKnown(Set.of("type", "path", "arguments", "timeout", "secrets"));
    Node path = node.require("path");
    checkReferences(path.nonBlank(), path.location());
    List<String> arguments = new ArrayList<>();
    node.field("arguments").ifPresent(a -> {
      if (a.isList()) {
        a.items().forEach(i -> arguments.add(i.string()));
      } else if (a.isMap()) {
        a.fields().forEach((k, v) -> {
          arguments.add((k.length() == 1 ? "-" : "--") + k);
          if (!(v.scalarValue() instanceof Boolean) && !v.isNull()) {
            arguments.add(v.string());
          }
        });
      } else {
        for (String part : a.string().trim().split("\\s+")) {
          if (!part.isEmpty()) {
            arguments.add(part);
          }
        }
      }
      arguments.forEach(arg -> checkReferences(arg, a.location()));
    });
    return new ProcessProvider(path.string(), arguments,
        node.field("timeout").map(Node::positiveDuration).orElse(Duration.ofSeconds(60)));
  }

  private FaultProvider fault(Node node) {
    Node kindNode = node.require("kind");
    String kindName = kindNode.nonBlank();
    FaultKind kind = kinds.find(kindName).orElseThrow(() -> kindNode.error("unknown fault kind '" + kindName + "'"
        + Suggest.nearest(kindName, kinds.names()).map(s -> "; did you mean '" + s + "'?").orElse(";")
        + " known kinds: " + kinds.names()));
    Set<String> known = new TreeSet<>(kind.required());
    known.addAll(kind.optional());
    known.add("type");
    known.add("kind");
    node.onlyKnown(known);
    for (String required : new TreeSet<>(kind.required())) {
      node.require(required);
    }
    FaultSpec spec = new FaultSpec(kindName, node);
    kind.validate(spec);
    return new FaultProvider(kind, spec);
  }

  /** Fails on a {@code ${name}} that is neither a configuration key nor {@code target....}. */
  void checkReferences(Object value, Location location) {
    if (value instanceof String text) {
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        String name = m.group(1).strip();
        if (!configKeys.contains(name) && !name.startsWith("target.")) {
          throw location.error("${" + name + "} is not a configuration key" + Suggest.nearest(name, configKeys)
              .map(s -> "; did you mean ${" + s + "}?").orElse(";") + " known keys: " + new TreeSet<>(configKeys)
              + ", or ${target.<path>} for the target description");
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> checkReferences(v, location));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> checkReferences(v, location));
    }
  }

  private static Duration notNegative(Node node) {
    Duration d = node.duration();
    if (d.isNegative()) {
      throw node.error("must not be negative, but was " + DurationText.format(d));
    }
    return d;
  }
}
