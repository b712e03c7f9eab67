package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.InvalidFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of an experiment file with the file, line and field path it came from, so every
 * problem found while building the model names file:line:field. Immutable once read.
 */
final class Node {

  enum Kind { MAP, LIST, SCALAR }

  private final Path file;
  private final int line;
  private final String path;
  private final Kind kind;
  private final Object scalar;
  private final Map<String, Node> fields;
  private final List<Node> items;

  private Node(Path file, int line, String path, Kind kind, Object scalar, Map<String, Node> fields, List<Node> items) {
    this.file = file;
    this.line = line;
    this.path = path;
    this.kind = kind;
    this.scalar = scalar;
    this.fields = fields;
    this.items = items;
  }

  static Node scalar(Path file, int line, String path, Object value) {
    return new Node(file, line, path, Kind.SCALAR, value, Map.of(), List.of());
  }

  static Node map(Path file, int line, String path, Map<String, Node> fields) {
    return new Node(file, line, path, Kind.MAP, null, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), List.of());
  }

  static Node list(Path file, int line, String path, List<Node> items) {
    return new Node(file, line, path, Kind.LIST, null, Map.of(), List.copyOf(items));
  }

  Path file() {
    return file;
  }

  int line() {
    return line;
  }

  String path() {
    return path;
  }

  Kind kind() {
    return kind;
  }

  Location location() {
    return new Location(file, line, path);
  }

  /** The error for a problem with this value. */
  InvalidFileException error(String problem) {
    return new InvalidFileException(file, line, path, problem, null);
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isList() {
    return kind == Kind.LIST;
  }

  boolean isNull() {
    return kind == Kind.SCALAR && scalar == null;
  }

  /** The raw scalar (String, Long, Double, Boolean or null). */
  Object scalarValue() {
    return scalar;
  }

  /** The fields of a map, in file order. */
  Map<String, Node> fields() {
    expect(Kind.MAP, "a mapping of fields");
    return fields;
  }

  /** The items of a list. */
  List<Node> items() {
    expect(Kind.LIST, "a list");
    return items;
  }

  /** Fails on the first field not in {@code known}, naming the nearest known field. */
  Node onlyKnown(Collection<String> known) {
    for (Map.Entry<String, Node> field : fields().entrySet()) {
      if (!known.contains(field.getKey())) {
        throw field.getValue().error("unknown field" + Suggest.nearest(field.getKey(), known)
            .map(s -> "; did you mean '" + s + "'?").orElse("") + " Known fields: " + sorted(known));
      }
    }
    return this;
  }

  Optional<Node> field(String name) {
    Node value = fields().get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Node require(String name) {
    return field(name).orElseThrow(() -> error("missing required field '" + name + "'"));
  }

  String string() {
    if (kind != Kind.SCALAR || scalar == null) {
      throw error("expected a text value, but was " + describe());
    }
    return String.valueOf(scalar);
  }

  String nonBlank() {
    String text = string();
    if (text.isBlank()) {
      throw error("must not be blank");
    }
    return text;
  }

  long integer() {
    if (scalar instanceof Long value) {
      return value;
    }
    if (scalar instanceof String text && text.strip().matches("-?\\d+")) {
      return Long.parseLong(text.strip());
    }
    throw error("expected a whole number, but was " + describe());
  }

  double number() {
    if (scalar instanceof Number value) {
      return value.doubleValue();
    }
    if (scalar instanceof String text) {
      try {
        return Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        // fall through to the error
      }
    }
    throw error("expected a number, but was " + describe());
  }

  boolean bool() {
    if (scalar instanceof Boolean value) {
      return value;
    }
    throw error("expected true or false, but was " + describe());
  }

  /** A duration: {@code 10s}, {@code 800ms}, {@code 2m}, or a bare number of seconds (as Chaos Toolkit writes them). */
  Duration duration() {
    if (scalar instanceof Number value) {
      return DurationText.ofSeconds(value.doubleValue());
    }
    if (scalar instanceof String text) {
      try {
        return DurationText.parse(text);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }
    throw error("expected a duration like 10s, 800ms or 2m, but was " + describe());
  }

  /** A duration that must be greater than zero. */
  Duration positiveDuration() {
    Duration value = duration();
    if (value.isNegative() || value.isZero()) {
      throw error("must be a positive duration, but was " + DurationText.format(value));
    }
    return value;
  }

  /** A list of texts; a single text counts as a list of one. */
  List<String> strings() {
    if (kind == Kind.SCALAR) {
      return List.of(string());
    }
    List<String> out = new ArrayList<>();
    items().forEach(item -> out.add(item.string()));
    return out;
  }

  /** This value as plain Java objects (maps, lists, scalars), for outputs and arguments. */
  Object toPlain() {
    return switch (kind) {
      case SCALAR -> scalar;
      case LIST -> items.stream().map(Node::toPlain).toList();
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v.toPlain()));
        yield out;
      }
    };
  }

  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> scalar == null ? "empty" : "'" + scalar + "'";
    };
  }

  private void expect(Kind expected, String what) {
    if (kind != expected) {
      throw error("expected " + what + ", but was " + describe());
    }
  }

  private static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
