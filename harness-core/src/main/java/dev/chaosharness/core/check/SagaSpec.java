package dev.chaosharness.core.check;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A choreographed saga's rules: which event types start it, which causes each event type may
 * follow, which end it, which effects may happen only once per key, and which compensations
 * each violation demands (the format is in docs/saga-spec.md).
 *
 * <pre>{@code
 * SagaSpec spec = SagaSpec.parse(Path.of("saga.yaml"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. The constructor validates the whole specification, so a spec
 * that exists is complete and consistent.
 *
 * @param key the envelope field that identifies one saga: {@code orderId} or {@code key}
 * @param start the event types that start a saga
 * @param follows per non-start event type, the types its causation event may have
 * @param terminal the event types that end a saga
 * @param effectsOnce the event types that may happen at most once per saga
 * @param compensations per violation event type, the event types that must follow it
 */
public record SagaSpec(
    String key,
    List<String> start,
    Map<String, List<String>> follows,
    List<String> terminal,
    List<String> effectsOnce,
    Map<String, List<String>> compensations) {

  /** Copies and validates every field; see docs/saga-spec.md for the rules. */
  public SagaSpec {
    if (!"orderId".equals(key) && !"key".equals(key)) {
      throw new SpecProblem("key", "must be 'orderId' (the envelope field) or 'key' (the Kafka record key), but was '" + key + "'");
    }
    start = List.copyOf(start);
    follows = copy(follows);
    terminal = List.copyOf(terminal);
    effectsOnce = List.copyOf(effectsOnce);
    compensations = copy(compensations);
    SpecValidation.validate(start, follows, terminal, effectsOnce, compensations);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Reads and validates a YAML saga specification file. */
  public static SagaSpec parse(Path file) {
    return SagaSpecReader.read(file);
  }

  /** Reads and validates YAML text; {@code source} names it in error messages. */
  public static SagaSpec parse(String yaml, String source) {
    return SagaSpecReader.read(yaml, source);
  }

  /** Returns every event type the specification knows, in declaration order. */
  public Set<String> types() {
    Set<String> types = new LinkedHashSet<>(start);
    types.addAll(follows.keySet());
    return types;
  }

  /** Whether sagas are keyed by the envelope's {@code orderId} rather than the Kafka record key. */
  public boolean keyedByOrderId() {
    return "orderId".equals(key);
  }

  /** Returns the known types sorted, for messages. */
  static String known(Set<String> types) {
    return new TreeSet<>(types).toString();
  }

  /** Returns the types that may cause {@code type}; empty for start and unknown types. */
  public List<String> causesOf(String type) {
    return follows.getOrDefault(type, List.of());
  }

  /** Returns the compensations a violation of {@code type} demands; empty when none. */
  public List<String> compensationsOf(String type) {
    return compensations.getOrDefault(type, List.of());
  }
}
