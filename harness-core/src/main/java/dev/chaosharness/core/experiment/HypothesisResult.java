package dev.chaosharness.core.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One check of the steady-state hypothesis (Chaos Toolkit's {@code steady_states.before} or {@code .after}).
 *
 * @param at when it was checked
 * @param met whether every probe was tolerated
 * @param probes each probe's result, in file order
 */
public record HypothesisResult(Instant at, boolean met, List<ProbeResult> probes) {

  /** Validates and copies the fields. */
  public HypothesisResult {
    Objects.requireNonNull(at, "at must not be null");
    probes = List.copyOf(probes);
  }
}
