package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chaosharness.core.target.TargetDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Replaces {@code ${name}} with configuration values and {@code ${target.a.b}} with fields of
 * the target description (a list is indexed by its items' {@code name}, so
 * {@code ${target.services.order.baseUrl}} works). Immutable once built.
 */
final class Substitution {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode target;
  private final Map<String, String> values = new HashMap<>();

  private Substitution(JsonNode target) {
    this.target = target;
  }

  /** Resolves the configuration against the target and the environment variables. */
  static Substitution of(Map<String, ConfigValue> configuration, TargetDescription target, Map<String, String> env) {
    Substitution substitution = new Substitution(JSON.valueToTree(target));
    configuration.forEach((name, value) -> {
      Object resolved;
      if (value.envKey().isPresent()) {
        String fromEnv = env.get(value.envKey().get());
        resolved = fromEnv != null ? fromEnv : value.literal().orElseThrow(() -> value.location().error(
            "environment variable " + value.envKey().get() + " is not set and the value has no default"));
      } else {
        resolved = value.literal().orElse("");
      }
      substitution.values.put(name, String.valueOf(substitution.resolve(resolved, value.location())));
    });
    return substitution;
  }

  /** Resolves every string inside {@code value} (maps and lists too). */
  Object resolve(Object value, Location location) {
    if (value instanceof String text) {
      return text(text, location);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, location)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v, location)));
      return out;
    }
    return value;
  }

  /** Resolves the references in one string. */
  String text(String text, Location location) {
    Matcher m = ActivityParser.REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).strip();
      String value = name.startsWith("target.") ? targetValue(name, location) : values.get(name);
      if (value == null) {
        throw location.error("${" + name + "} has no value; known keys: " + new java.util.TreeSet<>(values.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String targetValue(String name, Location location) {
    JsonNode node = target;
    for (String segment : name.substring("target.".length()).split("\\.")) {
      JsonNode next = null;
      if (node.isArray()) {
        for (JsonNode item : node) {
          if (segment.equals(item.path("name").asText())) {
            next = item;
          }
        }
      } else {
        next = node.get(segment);
      }
      if (next == null || next.isNull()) {
        throw location.error("${" + name + "} is not in the target description: no '" + segment + "'"
            + (node.isObject() ? "; it has " + fieldNames(node) : node.isArray() ? "; it has " + itemNames(node) : ""));
      }
      node = next;
    }
    if (node.isContainerNode()) {
      throw location.error("${" + name + "} is a " + (node.isArray() ? "list" : "mapping") + ", not a value");
    }
    return node.asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> itemNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.forEach(item -> names.add(item.path("name").asText()));
    return names;
  }
}
