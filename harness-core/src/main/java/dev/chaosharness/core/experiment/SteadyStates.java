package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.Probe;
import dev.chaosharness.core.kpi.RecoveryMeter;
import dev.chaosharness.core.kpi.SteadyState;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady state the recovery meter uses: the hypothesis's KPI probes with range or value
 * tolerances as bounds over their windows, or, without any, a success ratio of at least 0.95
 * over three samples. Recovery needs three healthy samples in a row.
 */
final class SteadyStates {

  static final int CONSECUTIVE = 3;
  static final double DEFAULT_SUCCESS_RATIO = 0.95;

  private SteadyStates() {}

  static RecoveryMeter meter(Experiment e) {
    return RecoveryMeter.of(of(e), CONSECUTIVE);
  }

  static SteadyState of(Experiment e) {
    List<Probe> probes = new ArrayList<>();
    for (Activity activity : e.hypothesis().map(Hypothesis::probes).orElse(List.of())) {
      if (!(activity.provider() instanceof KpiProvider kpi)) {
        continue;
      }
      Tolerance tolerance = activity.tolerance().orElseThrow();
      if (tolerance instanceof Tolerance.Range range) {
        probes.add(Probe.atLeast(kpi.metric(), range.min()).over(kpi.window()).named(activity.name()));
        probes.add(Probe.atMost(kpi.metric(), range.max()).over(kpi.window()).named(activity.name()));
      } else if (tolerance instanceof Tolerance.Value value && value.expected() instanceof Number n) {
        probes.add(Probe.atLeast(kpi.metric(), n.doubleValue()).over(kpi.window()).named(activity.name()));
        probes.add(Probe.atMost(kpi.metric(), n.doubleValue()).over(kpi.window()).named(activity.name()));
      }
    }
    if (probes.isEmpty()) {
      probes.add(Probe.successRatioAtLeast(DEFAULT_SUCCESS_RATIO).over(e.sampleInterval().multipliedBy(CONSECUTIVE)));
    }
    return new SteadyState(probes);
  }
}
