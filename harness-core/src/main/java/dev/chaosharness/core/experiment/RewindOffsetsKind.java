package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.fault.RewindOffsetsFault;
import java.util.Set;

/**
 * The fault kind {@code rewind-offsets} (duplicate delivery): rewinds a service's consumer group
 * on a topic by {@code records} per partition or {@code back} in time; see
 * {@link dev.chaosharness.core.fault.RewindOffsetsFault}.
 *
 * <pre>{@code
 * provider: {type: fault, kind: rewind-offsets, service: payment, topic: orders.events, records: 50}
 * provider: {type: fault, kind: rewind-offsets, service: payment, topic: orders.events, back: 30s, group: payment}
 * }</pre>
 *
 * <p>Registered as a {@link java.util.ServiceLoader} service, so {@link FaultKinds#ofDefaults()}
 * holds it. Stateless and thread-safe.
 */
public final class RewindOffsetsKind implements FaultKind {

  @Override
  public String name() {
    return "rewind-offsets";
  }

  @Override
  public Set<String> required() {
    return Set.of("service", "topic");
  }

  @Override
  public Set<String> optional() {
    return Set.of("records", "back", "group");
  }

  @Override
  public void validate(FaultSpec spec) {
    build(spec);
  }

  @Override
  public Subject subject(FaultSpec spec) {
    return new Subject("process", spec.string("service"), "service");
  }

  @Override
  public Fault create(FaultSpec spec, FaultContext context) {
    return build(spec).withClock(context.clock()).onKafka(context.target().kafka().bootstrapServers());
  }

  private static RewindOffsetsFault build(FaultSpec spec) {
    if (spec.has("records") == spec.has("back")) {
      throw spec.error(spec.has("records") ? "back" : "records",
          "give exactly one of 'records' (per partition) or 'back' (a duration) to say how far to rewind");
    }
    String service = spec.string("service");
    String topic = spec.string("topic");
    RewindOffsetsFault fault;
    if (spec.has("records")) {
      long records = spec.integer("records");
      if (records <= 0) {
        throw spec.error("records", "must be > 0, but was " + records);
      }
      fault = Faults.rewindOffsets(service, topic, records);
    } else {
      java.time.Duration back = spec.duration("back");
      if (back.isZero() || back.isNegative()) {
        throw spec.error("back", "must be > 0, but was " + DurationText.format(back));
      }
      fault = Faults.rewindOffsets(service, topic, back);
    }
    return spec.optionalString("group").map(fault::inGroup).orElse(fault);
  }
}
