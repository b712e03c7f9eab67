package dev.chaosharness.core.experiment;

import dev.chaosharness.core.kpi.KpiSample;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link RunListener} and swallows (logs) whatever it throws. */
final class SafeListener implements RunListener {

  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

  private final RunListener delegate;

  SafeListener(RunListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onPhase(Phase phase, Instant at) {
    try {
      delegate.onPhase(phase, at);
    } catch (RuntimeException e) {
      LOG.warn("Run listener failed on phase {}; ignored", phase, e);
    }
  }

  @Override
  public void onSample(KpiSample sample, List<String> activeFaults) {
    try {
      delegate.onSample(sample, activeFaults);
    } catch (RuntimeException e) {
      LOG.warn("Run listener failed on sample {}; ignored", sample.index(), e);
    }
  }

  @Override
  public void onActivity(ActivityResult result) {
    try {
      delegate.onActivity(result);
    } catch (RuntimeException e) {
      LOG.warn("Run listener failed on activity {}; ignored", result.name(), e);
    }
  }
}
