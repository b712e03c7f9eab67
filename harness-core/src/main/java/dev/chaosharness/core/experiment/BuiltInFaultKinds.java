package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.Faults;
import dev.chaosharness.core.fault.HttpFault;
import dev.chaosharness.core.fault.ToxicFault;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The built-in fault kinds: network faults on a link ({@code latency bandwidth timeout reset-peer
 * slow-close limit-data link-down}), process faults on a process ({@code kill pause restart}) and
 * HTTP faults on an HTTP dependency ({@code http-delay http-error http-reset http-malformed}).
 */
final class BuiltInFaultKinds {

  private static final Set<String> TOXIC_OPTIONS = Set.of("direction", "toxicity");

  private BuiltInFaultKinds() {}

  static List<FaultKind> all() {
    return List.of(
        toxic("latency", Set.of("latency"), Set.of("jitter"), spec -> {
          ToxicFault.Builder b = Faults.latency(spec.duration("latency"));
          spec.optionalDuration("jitter").ifPresent(b::withJitter);
          return b;
        }),
        toxic("bandwidth", Set.of("rate"), Set.of(), spec -> Faults.bandwidth(spec.integer("rate"))),
        toxic("timeout", Set.of(), Set.of("timeout"),
            spec -> spec.optionalDuration("timeout").map(Faults::timeout).orElseGet(Faults::blackhole)),
        toxic("reset-peer", Set.of(), Set.of("after"),
            spec -> Faults.resetPeer(spec.optionalDuration("after").orElse(Duration.ZERO))),
        toxic("slow-close", Set.of("delay"), Set.of(), spec -> Faults.slowClose(spec.duration("delay"))),
        toxic("limit-data", Set.of("bytes"), Set.of(), spec -> Faults.limitData(spec.integer("bytes"))),
        new Kind("link-down", Set.of("link"), Set.of(), "link", "link", spec -> Faults.linkDown(spec.string("link"))),
        process("kill", Faults::kill),
        process("pause", Faults::pause),
        process("restart", Faults::restart),
        http("http-delay", Set.of("delay"), Set.of("max"), (spec, name) -> spec.optionalDuration("max")
            .map(max -> Faults.httpRandomDelay(spec.duration("delay"), max))
            .orElseGet(() -> Faults.httpDelay(spec.duration("delay"))).on(name)),
        http("http-error", Set.of("status"), Set.of("urls"),
            (spec, name) -> urls(spec, Faults.httpError((int) spec.integer("status"))).on(name)),
        http("http-reset", Set.of(), Set.of("urls"), (spec, name) -> urls(spec, Faults.connectionReset()).on(name)),
        http("http-malformed", Set.of(), Set.of("urls"), (spec, name) -> urls(spec, Faults.malformedResponse()).on(name)));
  }

  private static HttpFault.Builder urls(FaultSpec spec, HttpFault.Builder builder) {
    spec.optionalString("urls").ifPresent(builder::forUrls);
    return builder;
  }

  private static FaultKind toxic(String name, Set<String> required, Set<String> optional,
      Function<FaultSpec, ToxicFault.Builder> builder) {
    return new Kind(name, union(required, Set.of("link")), union(optional, TOXIC_OPTIONS), "link", "link", spec -> {
      ToxicFault.Builder b = builder.apply(spec);
      String direction = spec.optionalString("direction").orElse("downstream");
      switch (direction) {
        case "downstream" -> b.downstream();
        case "upstream" -> b.upstream();
        case "both" -> b.bothDirections();
        default -> throw spec.error("direction",
            "must be one of [downstream, upstream, both], but was '" + direction + "'");
      }
      spec.optionalNumber("toxicity").ifPresent(b::withToxicity);
      return b.on(spec.string("link"));
    });
  }

  private static FaultKind process(String name, Function<String, Fault> fault) {
    return new Kind(name, Set.of("process"), Set.of(), "process", "process", spec -> fault.apply(spec.string("process")));
  }

  private static FaultKind http(String name, Set<String> required, Set<String> optional,
      BiFunction<FaultSpec, String, Fault> fault) {
    return new Kind(name, union(required, Set.of("dependency")), optional, "dependency", "dependency",
        spec -> fault.apply(spec, spec.string("dependency")));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** A built-in kind: fields, a subject, and a factory whose argument errors point at the file. */
  private record Kind(String name, Set<String> required, Set<String> optional, String subjectType,
      String subjectField, Function<FaultSpec, Fault> factory) implements FaultKind {

    @Override
    public void validate(FaultSpec spec) {
      build(spec);
    }

    @Override
    public Subject subject(FaultSpec spec) {
      return new Subject(subjectType, spec.string(subjectField), subjectField);
    }

    @Override
    public Fault create(FaultSpec spec, FaultContext context) {
      return build(spec);
    }

    private Fault build(FaultSpec spec) {
      try {
        return factory.apply(spec);
      } catch (IllegalArgumentException | IllegalStateException e) {
        String field = spec.names().stream().filter(n -> e.getMessage() != null && e.getMessage().startsWith(n))
            .findFirst().orElse(required.stream().filter(n -> !n.equals(subjectField)).findFirst().orElse(""));
        throw spec.error(field, e.getMessage());
      }
    }
  }
}
