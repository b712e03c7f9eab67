package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.Faults;
import java.util.Set;

/**
 * The fault kind {@code poison-event}: publishes one malformed record under a fresh key onto a
 * topic; see {@link dev.chaosharness.core.fault.PoisonEventFault}.
 *
 * <pre>{@code
 * provider: {type: fault, kind: poison-event, topic: orders.events}
 * }</pre>
 *
 * <p>Registered as a {@link java.util.ServiceLoader} service, so {@link FaultKinds#ofDefaults()}
 * holds it. Stateless and thread-safe.
 */
public final class PoisonEventKind implements FaultKind {

  @Override
  public String name() {
    return "poison-event";
  }

  @Override
  public Set<String> required() {
    return Set.of("topic");
  }

  @Override
  public Set<String> optional() {
    return Set.of();
  }

  @Override
  public void validate(FaultSpec spec) {
    spec.string("topic");
  }

  @Override
  public Fault create(FaultSpec spec, FaultContext context) {
    return Faults.poisonEvent(spec.string("topic")).onKafka(context.target().kafka().bootstrapServers());
  }
}
