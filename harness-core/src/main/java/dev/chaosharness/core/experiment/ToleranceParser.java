package dev.chaosharness.core.experiment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads Chaos Toolkit tolerances. */
final class ToleranceParser {

  private ToleranceParser() {}

  static Tolerance tolerance(Node node) {
    if (node.isList()) {
      return new Tolerance.OneOf(node.items().stream().map(ToleranceParser::value).toList());
    }
    if (!node.isMap()) {
      return value(node);
    }
    Node typeNode = node.require("type");
    String type = typeNode.string();
    return switch (type) {
      case "range" -> {
        node.onlyKnown(Set.of("type", "range", "target"));
        Node range = node.require("range");
        List<Node> bounds = range.items();
        if (bounds.size() != 2) {
          throw range.error("must be [min, max], but had " + bounds.size() + " values");
        }
        double min = bounds.get(0).number();
        double max = bounds.get(1).number();
        if (min > max) {
          throw range.error("min must not exceed max, but was [" + Tolerances.plain(min) + ", " + Tolerances.plain(max) + "]");
        }
        yield new Tolerance.Range(min, max, target(node));
      }
      case "regex" -> {
        node.onlyKnown(Set.of("type", "pattern", "target"));
        Node pattern = node.require("pattern");
        try {
          yield new Tolerance.Regex(Pattern.compile(pattern.string()), target(node));
        } catch (PatternSyntaxException e) {
          throw pattern.error("is not a regular expression: " + e.getDescription());
        }
      }
      case "jsonpath" -> {
        node.onlyKnown(Set.of("type", "path", "expect", "target"));
        Node path = node.require("path");
        if (!Tolerances.validPath(path.string())) {
          throw path.error("supports paths like $.a.b[0].c only, but was '" + path.string() + "'");
        }
        yield new Tolerance.JsonPath(path.string(), node.field("expect").map(Node::toPlain));
      }
      default -> throw typeNode.error("tolerance type must be one of [range, regex, jsonpath], but was '" + type + "'");
    };
  }

  private static Optional<String> target(Node node) {
    return node.field("target").map(Node::nonBlank);
  }

  private static Tolerance.Value value(Node node) {
    if (node.isMap() || node.isList() || node.isNull()) {
      throw node.error("expected a value (a number, true/false or text), but was " + node.describe());
    }
    return new Tolerance.Value(node.scalarValue());
  }
}
