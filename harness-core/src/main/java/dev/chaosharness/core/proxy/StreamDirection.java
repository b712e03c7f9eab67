package dev.chaosharness.core.proxy;

import java.util.Locale;

/** The direction a toxic acts on: {@code upstream} (client to server) or {@code downstream}. */
enum StreamDirection {
  UPSTREAM,
  DOWNSTREAM;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StreamDirection parse(String text) {
    for (StreamDirection direction : values()) {
      if (direction.wireName().equals(text)) {
        return direction;
      }
    }
    throw new ApiError(
        400, "stream was invalid, can be either upstream or downstream, but was '" + text + "'");
  }
}
