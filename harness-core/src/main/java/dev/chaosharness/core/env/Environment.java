package dev.chaosharness.core.env;

import dev.chaosharness.core.target.TargetDescription;
import java.util.List;
import java.util.Optional;

/**
 * A running target system the harness can observe and fault: started by the harness
 * ({@link EmbeddedEnvironment}) or elsewhere.
 *
 * <p>Implementations are thread-safe; {@link #close()} stops what the environment started,
 * services first, and is idempotent.
 */
public interface Environment extends AutoCloseable {

  /** The target description of the running system. */
  TargetDescription target();

  /** The started components in start order. */
  List<Component> components();

  /**
   * The OS process of the component {@code name} ({@code kafka}, {@code postgres}, a service),
   * for process faults; empty when the environment does not own one.
   */
  Optional<ManagedProcess> process(String name);

  /** Stops everything the environment started; idempotent. */
  @Override
  void close();
}
