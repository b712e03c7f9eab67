package dev.chaosharness.core.report;

import java.util.List;

/**
 * Maps values onto the vertical pixels of a chart, from zero at {@code bottom} to {@code max} at
 * {@code top}. Immutable and thread-safe.
 *
 * @param max the value at the top; positive
 * @param top the topmost pixel
 * @param bottom the bottom pixel
 */
record ValueScale(double max, double top, double bottom) {

  private static final double[] NICE = {1, 2, 2.5, 5, 10};

  /** Validates the maximum. */
  ValueScale {
    if (!(max > 0) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("value scale max must be positive and finite, but was " + max);
    }
  }

  /**
   * Returns the scale with {@code fixedMax} at the top, or, when it is NaN, the smallest round
   * number (1, 2, 2.5 or 5 times a power of ten) at or above the largest finite value; 1 without data.
   */
  static ValueScale fitting(double fixedMax, List<Series> series, double top, double bottom) {
    if (Double.isFinite(fixedMax) && fixedMax > 0) {
      return new ValueScale(fixedMax, top, bottom);
    }
    double largest = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values()))
        .filter(Double::isFinite).max().orElse(0);
    return new ValueScale(roundUp(largest), top, bottom);
  }

  /** Returns the pixel of {@code value}, clamped to the scale's range. */
  double y(double value) {
    double clamped = Math.max(0, Math.min(max, value));
    return bottom - (bottom - top) * clamped / max;
  }

  /** Returns a value as an axis or tooltip label: {@code 0}, three decimals below 1, one below 100, else none. */
  static String label(double value) {
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    return Format.number(value, magnitude < 1 ? 3 : magnitude < 100 ? 1 : 0);
  }

  static double roundUp(double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double nice : NICE) {
      if (nice * power >= value * (1 - 1e-9)) {
        return nice * power;
      }
    }
    return 10 * power;
  }
}
