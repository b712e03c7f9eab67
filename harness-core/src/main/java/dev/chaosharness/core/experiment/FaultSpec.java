package dev.chaosharness.core.experiment;

import dev.chaosharness.core.target.InvalidFileException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of one {@code provider: {type: fault, kind: ..., ...}} with typed accessors whose
 * errors name the file, line and field. {@link FaultKind}s read their settings from it.
 *
 * <pre>{@code
 * Duration delay = spec.duration("latency");
 * Optional<Duration> jitter = spec.optionalDuration("jitter");
 * String link = spec.string("link");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FaultSpec {

  private final String kind;
  private final Node node;

  FaultSpec(String kind, Node node) {
    this.kind = kind;
    this.node = node;
  }

  /** The fault kind, for example {@code latency}. */
  public String kind() {
    return kind;
  }

  /** The names of the fields given (besides {@code type} and {@code kind}). */
  public Set<String> names() {
    Set<String> names = new java.util.TreeSet<>(node.fields().keySet());
    names.remove("type");
    names.remove("kind");
    return names;
  }

  /** Whether field {@code name} is given. */
  public boolean has(String name) {
    return node.field(name).isPresent();
  }

  /** A required text field. */
  public String string(String name) {
    return node.require(name).nonBlank();
  }

  /** An optional text field. */
  public Optional<String> optionalString(String name) {
    return node.field(name).map(Node::nonBlank);
  }

  /** A required duration field ({@code 800ms}, {@code 2s}, or a number of seconds). */
  public Duration duration(String name) {
    return node.require(name).duration();
  }

  /** An optional duration field. */
  public Optional<Duration> optionalDuration(String name) {
    return node.field(name).map(Node::duration);
  }

  /** A required whole-number field. */
  public long integer(String name) {
    return node.require(name).integer();
  }

  /** An optional whole-number field. */
  public Optional<Long> optionalInteger(String name) {
    return node.field(name).map(Node::integer);
  }

  /** An optional number field. */
  public Optional<Double> optionalNumber(String name) {
    return node.field(name).map(Node::number);
  }

  /** Where field {@code name} is written (the provider itself when it is absent). */
  public Location location(String name) {
    return node.field(name).map(Node::location).orElse(node.location());
  }

  /** Where the provider is written. */
  public Location location() {
    return node.location();
  }

  /** The error for a problem with field {@code name}, naming file, line and field. */
  public InvalidFileException error(String name, String problem) {
    return location(name).error(problem);
  }

  /** The fields as plain values, for journals. */
  public Map<String, Object> values() {
    Map<String, Object> values = new TreeMap<>();
    node.fields().forEach((k, v) -> values.put(k, v.toPlain()));
    return values;
  }

  /** One line for plans, for example {@code latency {latency=800ms, link=payment->provider}}. */
  public String describe() {
    Map<String, Object> values = values();
    values.remove("type");
    values.remove("kind");
    return kind + " " + values;
  }
}
