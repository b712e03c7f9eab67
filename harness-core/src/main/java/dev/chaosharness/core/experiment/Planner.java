package dev.chaosharness.core.experiment;

import dev.chaosharness.core.env.Component;
import dev.chaosharness.core.env.Environment;
import dev.chaosharness.core.target.TargetDescription;
import dev.chaosharness.core.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an experiment against a running environment before anything starts (links,
 * processes, HTTP dependencies, traffic scenario and service, Kafka for invariants,
 * configuration references), and describes its phases for {@code --dry-run}.
 */
final class Planner {

  private Planner() {}

  /** Throws an {@link dev.chaosharness.core.target.InvalidFileException} naming the first problem's file, line and field. */
  static Substitution validate(Experiment e, Environment env, Optional<Traffic> traffic, Set<String> httpDependencies,
      Map<String, String> variables, boolean forRun) {
    TargetDescription target = env.target();
    for (Activity action : e.faultActions()) {
      FaultProvider fault = (FaultProvider) action.provider();
      FaultKind.Subject subject = fault.kind().subject(fault.spec());
      checkSubject(subject, fault.spec(), env, httpDependencies, forRun);
    }
    e.traffic().ifPresent(spec -> checkTraffic(spec, target, traffic));
    e.invariants().ifPresent(inv -> {
      if (target.kafka() == null) {
        throw inv.location().error("invariants are checked over the saga topics, but target '" + target.name()
            + "' has no Kafka; remove invariants or describe the cluster in the target file");
      }
    });
    Substitution substitution = Substitution.of(e.configuration(), target, variables);
    for (Activity activity : all(e)) {
      resolveAll(activity, substitution);
    }
    return substitution;
  }

  private static void checkSubject(FaultKind.Subject subject, FaultSpec spec, Environment env, Set<String> deps,
      boolean forRun) {
    TargetDescription target = env.target();
    switch (subject.type()) {
      case "link" -> {
        if (target.link(subject.name()).isEmpty()) {
          throw spec.error(subject.field(), "link '" + subject.name() + "' is not in target '" + target.name()
              + "'" + Suggest.nearest(subject.name(), linkNames(target)).map(s -> "; did you mean '" + s + "'?")
              .orElse(";") + " known links: " + linkNames(target));
        }
        if (target.proxyApiUrl() == null) {
          throw spec.error(subject.field(), "network faults go through a fault proxy, but target '" + target.name()
              + "' has no proxyApiUrl; start the environment with the fault proxy (harness up does)");
        }
      }
      case "process" -> {
        Set<String> known = processNames(env, forRun);
        if (!known.contains(subject.name())) {
          throw spec.error(subject.field(), "process '" + subject.name() + "' is not a process of the environment"
              + Suggest.nearest(subject.name(), known).map(s -> "; did you mean '" + s + "'?").orElse(";")
              + " known processes: " + known);
        }
      }
      case "dependency" -> {
        if (!deps.contains(subject.name())) {
          throw spec.error(subject.field(), "HTTP dependency '" + subject.name() + "' is not known to the runner; "
              + "known: " + new TreeSet<>(deps) + "; add it with ExperimentRunner.builder().httpDependency(name, dependency)");
        }
      }
      default -> { }
    }
  }

  private static void checkTraffic(TrafficSpec spec, TargetDescription target, Optional<Traffic> traffic) {
    if (traffic.isEmpty()) {
      throw spec.location().error("the experiment has traffic, but the runner was given no traffic driver; "
          + "pass one with ExperimentRunner.builder().traffic(...)");
    }
    if (!traffic.get().scenarios().contains(spec.scenario())) {
      throw spec.location().child("scenario").error("unknown scenario '" + spec.scenario() + "'; known scenarios: "
          + new TreeSet<>(traffic.get().scenarios()));
    }
    if (target.services().stream().noneMatch(s -> s.name().equals(spec.service()))) {
      throw spec.location().child("service").error("traffic goes to service '" + spec.service()
          + "', which is not in target '" + target.name() + "'; known services: "
          + target.services().stream().map(TargetDescription.Service::name).toList());
    }
  }

  private static void resolveAll(Activity activity, Substitution substitution) {
    Location at = activity.location().child("provider");
    if (activity.provider() instanceof HttpProvider h) {
      substitution.text(h.url(), at.child("url"));
      h.headers().values().forEach(v -> substitution.text(v, at.child("headers")));
      h.arguments().ifPresent(a -> substitution.resolve(a, at.child("arguments")));
    } else if (activity.provider() instanceof ProcessProvider p) {
      substitution.text(p.path(), at.child("path"));
      p.arguments().forEach(a -> substitution.text(a, at.child("arguments")));
    }
  }

  static List<Activity> all(Experiment e) {
    List<Activity> all = new java.util.ArrayList<>();
    e.hypothesis().ifPresent(h -> all.addAll(h.probes()));
    all.addAll(e.method());
    all.addAll(e.rollbacks());
    return all;
  }

  private static List<String> linkNames(TargetDescription target) {
    return target.links().stream().map(TargetDescription.Link::name).sorted().toList();
  }

  /** The processes faults may act on: for a plan, the environment's components (a preview has no processes yet). */
  private static Set<String> processNames(Environment env, boolean forRun) {
    Set<String> names = new TreeSet<>();
    for (Component c : env.components()) {
      if (!forRun || env.process(c.name()).isPresent()) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** The plan as text: what each phase will do. */
  static String describe(Experiment e, Environment env) {
    StringBuilder s = new StringBuilder();
    s.append("Experiment: ").append(e.title()).append(" (").append(e.source()).append(")\n");
    s.append("Target: ").append(env.target().name()).append(env.target().production() ? " (production)" : "").append('\n');
    line(s, Phase.ENVIRONMENT, "check that the target's services answer their health endpoints");
    line(s, Phase.WARM_UP, e.traffic().map(t -> String.format(Locale.ROOT, "traffic %s at %s/s (%s, seed %d) to %s for %s",
        t.scenario(), Tolerances.plain(t.rate()), t.profile().label(), t.seed(), t.service(), DurationText.format(t.warmUp()))
        + (e.invariants().isPresent() ? "; history observer on the saga topics" : "")).orElse("no traffic"));
    line(s, Phase.BASELINE, e.hypothesis().map(h -> "hypothesis '" + h.title() + "': " + h.probes().stream()
        .map(p -> p.name() + " (" + p.provider().describe() + ", tolerance " + p.tolerance().orElseThrow().describe() + ")")
        .toList()).orElse("no steady-state hypothesis"));
    line(s, Phase.INJECT, e.method().isEmpty() ? "nothing" : "");
    for (Activity a : e.method()) {
      s.append("    ").append(a.type().jsonName()).append(' ').append(a.name()).append(": ").append(a.provider().describe())
          .append(pauses(a)).append('\n');
    }
    line(s, Phase.OBSERVE, "keep the faults in for " + DurationText.format(e.observe())
        + (e.abort().isEmpty() ? "" : "; abort when " + e.abort()));
    line(s, Phase.REVERT, "revert every fault" + (e.rollbacks().isEmpty() ? "" : "; rollbacks: "
        + e.rollbacks().stream().map(Activity::name).toList()));
    line(s, Phase.RECOVER, "wait up to " + DurationText.format(e.recoverWait())
        + " for the steady state; check the hypothesis again");
    line(s, Phase.DRAIN_AND_CHECK, e.invariants().map(i -> "stop traffic, let sagas drain (up to "
        + DurationText.format(e.drainTimeout()) + "), check invariants " + i.checkers()).orElse("stop traffic"));
    line(s, Phase.REPORT, "journal.json" + (e.goals().isEmpty() ? "" : "; goals: " + e.goals().stream()
        .map(g -> g.kind().fileName() + " " + g.target()).toList()));
    return s.toString();
  }

  private static String pauses(Activity a) {
    String before = a.pauseBefore().isZero() ? "" : " pause before " + DurationText.format(a.pauseBefore());
    String after = a.pauseAfter().isZero() ? "" : " pause after " + DurationText.format(a.pauseAfter());
    return before + after;
  }

  private static void line(StringBuilder s, Phase phase, String text) {
    s.append(String.format(Locale.ROOT, "%-16s %s%n", phase.jsonName(), text));
  }

}
