package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.env.ManagedProcess;
import dev.chaosharness.core.target.TargetDescription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A system the harness did not start, known only by its target description (for example a
 * staging deployment given with {@code --target FILE}): it has no processes, so process faults
 * are refused before a run starts; network faults go through the target's {@code proxyApiUrl}.
 *
 * <pre>{@code
 * Environment staging = ExternalEnvironment.of(TargetDescription.read(Path.of("staging.yaml")));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #close()} does nothing.
 */
public final class ExternalEnvironment implements Environment {

  private final TargetDescription target;

  private ExternalEnvironment(TargetDescription target) {
    this.target = target;
  }

  /** An environment for the system {@code target} describes. */
  public static ExternalEnvironment of(TargetDescription target) {
    return new ExternalEnvironment(Objects.requireNonNull(target, "target must not be null"));
  }

  @Override
  public TargetDescription target() {
    return target;
  }

  @Override
  public List<Component> components() {
    return List.of();
  }

  @Override
  public Optional<ManagedProcess> process(String name) {
    return Optional.empty();
  }

  @Override
  public void close() {
    // the harness did not start it, so it does not stop it
  }
}
