package dev.chaosharness.core.experiment;

import dev.chaosharness.core.fault.Fault;
import dev.chaosharness.core.fault.FaultException;
import dev.chaosharness.core.fault.FaultTarget;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fault kind {@code outage} on a link that switches the fake traffic unhealthy while
 * injected; {@code broken: true} makes injection fail. Records every inject and revert.
 */
final class FakeOutage implements FaultKind {

  final List<String> events = new CopyOnWriteArrayList<>();
  private final FakeTraffic traffic;

  FakeOutage(FakeTraffic traffic) {
    this.traffic = traffic;
  }

  @Override
  public String name() {
    return "outage";
  }

  @Override
  public Set<String> required() {
    return Set.of("link");
  }

  @Override
  public Set<String> optional() {
    return Set.of("broken");
  }

  @Override
  public Subject subject(FaultSpec spec) {
    return new Subject("link", spec.string("link"), "link");
  }

  @Override
  public Fault create(FaultSpec spec, FaultContext context) {
    boolean broken = spec.optionalString("broken").map(Boolean::parseBoolean).orElse(false);
    String link = spec.string("link");
    return new Fault() {
      private boolean injected;

      @Override
      public synchronized void inject(FaultTarget target) {
        if (broken) {
          events.add("failed " + link);
          throw new FaultException("outage on " + link + " could not be injected: the link is gone");
        }
        injected = true;
        traffic.healthy = false;
        events.add("injected " + link);
      }

      @Override
      public synchronized void revert() {
        if (injected) {
          injected = false;
          traffic.healthy = true;
          events.add("reverted " + link);
        }
      }

      @Override
      public String describe() {
        return "outage on " + link;
      }
    };
  }

  FaultKinds kinds() {
    return FaultKinds.builtIn().with(this);
  }
}
