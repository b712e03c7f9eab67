package dev.chaosharness.traffic.bench;

import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Finds the highest rate a load generator sustains: tries the given rates in order up to the
 * first one it does not sustain, then halves the gap between the last sustained rate and that
 * one {@code refine} times (midpoints rounded to 100/s).
 *
 * <pre>{@code
 * RateSearch.Outcome o = RateSearch.run(List.of(10_000.0, 20_000.0, 40_000.0), 2, rate -> rate <= 27_000);
 * // tries 10,000, 20,000, 40,000, 30,000, 25,000: highest 25,000, missed 30,000
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class RateSearch {

  /** The result: the highest rate sustained (0 for none) and the lowest not sustained (NaN for none). */
  record Outcome(double highest, double missed) {}

  private RateSearch() {}

  static Outcome run(List<Double> rates, int refine, DoublePredicate sustains) {
    double highest = 0;
    double missed = Double.NaN;
    for (double rate : rates) {
      if (!sustains.test(rate)) {
        missed = rate;
        break;
      }
      highest = rate;
    }
    for (int i = 0; i < refine && !Double.isNaN(missed); i++) {
      double rate = Math.round((highest + missed) / 2 / 100) * 100.0;
      if (rate <= highest || rate >= missed) {
        break;
      }
      if (sustains.test(rate)) {
        highest = rate;
      } else {
        missed = rate;
      }
    }
    return new Outcome(highest, missed);
  }
}
