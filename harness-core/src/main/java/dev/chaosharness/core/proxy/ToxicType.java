package dev.chaosharness.core.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The toxic types the proxy knows, with their attributes (all integers, defaulting to 0). */
enum ToxicType {
  LATENCY("latency", "jitter"),
  BANDWIDTH("rate"),
  SLOW_CLOSE("delay"),
  TIMEOUT("timeout"),
  RESET_PEER("timeout"),
  SLICER("average_size", "size_variation", "delay"),
  LIMIT_DATA("bytes");

  private final List<String> attributes;

  ToxicType(String... attributes) {
    this.attributes = List.of(attributes);
  }

  List<String> attributes() {
    return attributes;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ToxicType parse(String text) {
    for (ToxicType type : values()) {
      if (type.wireName().equals(text)) {
        return type;
      }
    }
    throw new ApiError(
        400,
        "invalid toxic type: '" + text + "'; known types: "
            + Arrays.stream(values()).map(ToxicType::wireName).toList());
  }
}
