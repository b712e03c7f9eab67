package dev.chaosharness.experiments.cli;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.env.ManagedProcess;
import dev.chaosharness.core.env.Topology;
import dev.chaosharness.core.target.TargetDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded environment a topology would start, described without starting anything: its
 * services, links ({@code <svc>->kafka}, {@code <svc>->postgres}, {@code <svc>-><alias>}) and
 * components, so {@code --dry-run} can check an experiment against it. Addresses are placeholders.
 */
final class TopologyPreview implements Environment {

  private static final String NOWHERE = "127.0.0.1:1";

  private final TargetDescription target;
  private final List<Component> components = new ArrayList<>();

  TopologyPreview(Topology topology) {
    List<TargetDescription.Service> services = new ArrayList<>();
    List<TargetDescription.Link> links = new ArrayList<>();
    components.add(new Component("kafka", "(not started)", Duration.ZERO));
    components.add(new Component("postgres", "(not started)", Duration.ZERO));
    for (Topology.ServiceDef service : topology.services()) {
      services.add(new TargetDescription.Service(service.name(), "http://" + NOWHERE, null, null));
      components.add(new Component(service.name(), "(not started)", Duration.ZERO));
      if (service.kafka()) {
        links.add(new TargetDescription.Link(service.name() + "->kafka", NOWHERE, NOWHERE));
      }
      if (service.database()) {
        links.add(new TargetDescription.Link(service.name() + "->postgres", NOWHERE, NOWHERE));
      }
      service.dependencies().keySet().forEach(alias ->
          links.add(new TargetDescription.Link(service.name() + "->" + alias, NOWHERE, NOWHERE)));
    }
    this.target = new TargetDescription(topology.name(), false, null, services,
        new TargetDescription.Kafka(NOWHERE, topology.topics().withFaultTopics()), links, "http://" + NOWHERE, null);
  }

  @Override
  public TargetDescription target() {
    return target;
  }

  @Override
  public List<Component> components() {
    return List.copyOf(components);
  }

  @Override
  public Optional<ManagedProcess> process(String name) {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
