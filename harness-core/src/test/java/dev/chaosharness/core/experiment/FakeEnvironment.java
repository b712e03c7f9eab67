package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.env.ManagedProcess;
import dev.chaosharness.core.target.TargetDescription;
import java.util.List;
import java.util.Optional;

/** An environment with one service at {@code baseUrl}, a link {@code payment->provider} and no processes. */
final class FakeEnvironment implements Environment {

  private final TargetDescription target;

  FakeEnvironment(String baseUrl) {
    this.target = new TargetDescription("fake-shop", false, null,
        List.of(new TargetDescription.Service("order", baseUrl, null, null)), null,
        List.of(new TargetDescription.Link("payment->provider", "127.0.0.1:1", "127.0.0.1:2")),
        "http://127.0.0.1:1", null);
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
  public void close() {}
}
