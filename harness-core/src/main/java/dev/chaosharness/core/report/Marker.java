package dev.chaosharness.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A vertical line across a chart at one instant, such as the moment a fault was detected.
 *
 * @param at where the line goes
 * @param label the text beside it, for example {@code detected}
 * @param cssClass the CSS class that styles it, for example {@code marker-detected}
 */
record Marker(Instant at, String label, String cssClass) {

  /** Validates the fields. */
  Marker {
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(cssClass, "cssClass must not be null");
  }
}
