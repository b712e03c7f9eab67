package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import java.util.Set;

/**
 * One kind of fault an experiment file can name in {@code provider: {type: fault, kind: ...}}.
 * The built-in kinds are network faults on a link, process faults on a process and HTTP faults
 * on an HTTP dependency; more are added through {@link FaultKinds#with(FaultKind)} or as a
 * {@link java.util.ServiceLoader} service ({@code META-INF/services/dev.chaosharness.core.experiment.FaultKind}).
 *
 * <pre>{@code
 * public final class PoisonEventKind implements FaultKind {
 *   public String name() { return "poison-event"; }
 *   public Set<String> required() { return Set.of("topic"); }
 *   public Set<String> optional() { return Set.of("count"); }
 *   public Fault create(FaultSpec spec, FaultContext context) {
 *     return new PoisonEventFault(context.target().kafka().bootstrapServers(), spec.string("topic"));
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface FaultKind {

  /** The name files use, for example {@code latency}. */
  String name();

  /** The fields the kind requires (besides {@code type} and {@code kind}). */
  Set<String> required();

  /** The fields the kind accepts besides the required ones. */
  Set<String> optional();

  /**
   * Checks the fields' values when the file is read, before any environment exists; throws
   * {@link dev.chaosharness.core.target.InvalidFileException} through {@link FaultSpec#error}.
   * The default does nothing beyond the field names.
   */
  default void validate(FaultSpec spec) {}

  /**
   * The name of the link, process or HTTP dependency the fault acts on, if it acts on one: the
   * runner checks it exists in the environment before anything starts.
   */
  default Subject subject(FaultSpec spec) {
    return Subject.NONE;
  }

  /** Creates the fault for a run; it is injected and reverted through the run's fault ledger. */
  Fault create(FaultSpec spec, FaultContext context);

  /**
   * What a fault acts on, so a plan can check it exists.
   *
   * @param type {@code link}, {@code process}, {@code dependency}, or empty for none
   * @param name the name
   * @param field the field that names it
   */
  record Subject(String type, String name, String field) {
    /** No subject to check. */
    public static final Subject NONE = new Subject("", "", "");
  }
}
