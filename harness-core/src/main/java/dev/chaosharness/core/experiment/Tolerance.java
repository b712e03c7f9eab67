package dev.chaosharness.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a probe's output must be, as Chaos Toolkit writes tolerances: a value (an int is an HTTP
 * status or exit code, a bool is success, a string is the body or stdout), a list of accepted
 * values, or a {@code range}, {@code regex} or {@code jsonpath} mapping. Immutable.
 */
public sealed interface Tolerance {

  /** Whether {@code output} is tolerated. */
  boolean accepts(Output output);

  /** The tolerance as text for journals, for example {@code 200} or {@code range [0.95, 1.0]}. */
  String describe();

  /**
   * A single value.
   *
   * @param expected a Long, Double, Boolean or String
   */
  record Value(Object expected) implements Tolerance {
    /** Validates the field. */
    public Value {
      Objects.requireNonNull(expected, "expected must not be null");
    }

    @Override
    public boolean accepts(Output output) {
      if (expected instanceof Boolean ok) {
        if (output instanceof Output.Http http) {
          return (http.status() < 400) == ok;
        }
        if (output instanceof Output.Process process) {
          return (process.exitCode() == 0) == ok;
        }
        double value = ((Output.Kpi) output).value();
        return (!Double.isNaN(value) && value != 0) == ok;
      }
      if (expected instanceof String text) {
        return output.text().strip().equals(text.strip());
      }
      return Tolerances.sameNumber(expected, output.primary());
    }

    @Override
    public String describe() {
      return String.valueOf(expected);
    }
  }

  /**
   * Any of several values.
   *
   * @param values the accepted values
   */
  record OneOf(List<Value> values) implements Tolerance {
    /** Copies the values. */
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public boolean accepts(Output output) {
      return values.stream().anyMatch(v -> v.accepts(output));
    }

    @Override
    public String describe() {
      return values.stream().map(Value::describe).toList().toString();
    }
  }

  /**
   * A number within [min, max].
   *
   * @param min the lower bound
   * @param max the upper bound
   * @param target the output part to read ({@code status}, {@code body}, ...); empty for the default
   */
  record Range(double min, double max, Optional<String> target) implements Tolerance {
    /** Validates the fields. */
    public Range {
      Objects.requireNonNull(target, "target must not be null");
    }

    @Override
    public boolean accepts(Output output) {
      Object value = target.map(output::part).orElse(output.primary());
      double number = Tolerances.toNumber(value);
      return !Double.isNaN(number) && number >= min && number <= max;
    }

    @Override
    public String describe() {
      return "range [" + Tolerances.plain(min) + ", " + Tolerances.plain(max) + "]" + target.map(t -> " of " + t).orElse("");
    }
  }

  /**
   * Text that matches a regular expression somewhere.
   *
   * @param pattern the expression
   * @param target the output part to read; empty for the body or stdout
   */
  record Regex(Pattern pattern, Optional<String> target) implements Tolerance {
    /** Validates the fields. */
    public Regex {
      Objects.requireNonNull(pattern, "pattern must not be null");
      Objects.requireNonNull(target, "target must not be null");
    }

    @Override
    public boolean accepts(Output output) {
      Object value = target.map(output::part).orElse(output.text());
      return value != null && pattern.matcher(String.valueOf(value)).find();
    }

    @Override
    public String describe() {
      return "regex " + pattern.pattern() + target.map(t -> " of " + t).orElse("");
    }
  }

  /**
   * A JSON path into the body ({@code $.a.b[0]}): the value must equal {@code expect}, or be
   * present and not false, null or empty without one.
   *
   * @param path the path
   * @param expect the expected value
   */
  record JsonPath(String path, Optional<Object> expect) implements Tolerance {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the fields. */
    public JsonPath {
      Objects.requireNonNull(path, "path must not be null");
      Objects.requireNonNull(expect, "expect must not be null");
    }

    @Override
    public boolean accepts(Output output) {
      JsonNode found;
      try {
        found = Tolerances.at(JSON.readTree(output.text()), path);
      } catch (Exception e) {
        return false;
      }
      if (found == null || found.isMissingNode() || found.isNull()) {
        return false;
      }
      if (expect.isEmpty()) {
        return !(found.isBoolean() && !found.booleanValue()) && !(found.isTextual() && found.asText().isEmpty());
      }
      Object expected = expect.get();
      if (expected instanceof Number) {
        return found.isNumber() && Tolerances.sameNumber(expected, found.doubleValue());
      }
      if (expected instanceof Boolean b) {
        return found.isBoolean() && found.booleanValue() == b;
      }
      return found.asText().equals(String.valueOf(expected));
    }

    @Override
    public String describe() {
      return "jsonpath " + path + expect.map(e -> " == " + e).orElse("");
    }
  }
}
