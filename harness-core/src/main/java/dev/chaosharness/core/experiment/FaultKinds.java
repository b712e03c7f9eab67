package dev.chaosharness.core.experiment;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of fault kinds an experiment file may name, keyed by {@link FaultKind#name()}.
 *
 * <pre>{@code
 * FaultKinds kinds = FaultKinds.ofDefaults().with(new PoisonEventKind());
 * Experiment e = ExperimentFile.read(path, kinds);
 * }</pre>
 *
 * <p>{@link #ofDefaults()} holds the built-in kinds plus every {@link FaultKind} found by
 * {@link ServiceLoader} on the classpath. Immutable and thread-safe: {@link #with} returns a new registry.
 */
public final class FaultKinds {

  private final Map<String, FaultKind> kinds;

  private FaultKinds(Map<String, FaultKind> kinds) {
    this.kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
  }

  /** The built-in kinds only. */
  public static FaultKinds builtIn() {
    Map<String, FaultKind> kinds = new TreeMap<>();
    BuiltInFaultKinds.all().forEach(k -> kinds.put(k.name(), k));
    return new FaultKinds(kinds);
  }

  /** The built-in kinds plus those registered as {@link ServiceLoader} services. */
  public static FaultKinds ofDefaults() {
    FaultKinds kinds = builtIn();
    for (FaultKind kind : ServiceLoader.load(FaultKind.class, FaultKinds.class.getClassLoader())) {
      kinds = kinds.with(kind);
    }
    return kinds;
  }

  /** A registry with {@code kind} added (replacing a kind of the same name). */
  public FaultKinds with(FaultKind kind) {
    Map<String, FaultKind> more = new TreeMap<>(kinds);
    more.put(kind.name(), kind);
    return new FaultKinds(more);
  }

  /** The kind named {@code name}, if registered. */
  public Optional<FaultKind> find(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /** The registered names, sorted. */
  public java.util.Set<String> names() {
    return kinds.keySet();
  }
}
