package dev.chaosharness.core.junit;

import dev.chaosharness.core.traffic.Traffic;
import dev.chaosharness.core.traffic.TrafficListener;
import dev.chaosharness.core.traffic.TrafficPlan;
import dev.chaosharness.core.traffic.TrafficRun;
import java.util.Set;

/** A traffic driver that only exists to be found through ServiceLoader; it cannot start. */
public class FakeTraffic implements Traffic {

  @Override
  public Set<String> scenarios() {
    return Set.of("fake");
  }

  @Override
  public TrafficRun start(TrafficPlan plan, TrafficListener listener) {
    throw new UnsupportedOperationException("FakeTraffic does not run");
  }

  /** A second driver, to prove that two on the classpath are refused. */
  public static final class Other extends FakeTraffic {}
}
