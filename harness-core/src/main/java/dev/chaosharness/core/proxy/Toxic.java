package dev.chaosharness.core.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One toxic as the API shows it: name, type, stream, toxicity, integer attributes and an optional
 * lease ({@code ttl} in milliseconds, our extension; 0 means none).
 */
record Toxic(
    String name,
    ToxicType type,
    StreamDirection stream,
    double toxicity,
    Map<String, Long> attributes,
    long ttlMillis) {

  Toxic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stream, "stream");
    if (!(toxicity >= 0.0 && toxicity <= 1.0)) {
      throw ApiError.badBody("toxicity must be within [0.0, 1.0], but was " + toxicity);
    }
    if (ttlMillis < 0) {
      throw ApiError.badBody("ttl must be >= 0 milliseconds, but was " + ttlMillis);
    }
    Map<String, Long> complete = new LinkedHashMap<>();
    for (String attribute : type.attributes()) {
      long value = attributes.getOrDefault(attribute, 0L);
      if (value < 0) {
        throw ApiError.badBody(
            "attribute '" + attribute + "' of toxic '" + name + "' must be >= 0, but was " + value);
      }
      complete.put(attribute, value);
    }
    attributes = Map.copyOf(complete);
  }

  long attribute(String attribute) {
    return attributes.get(attribute);
  }

  Toxic withAttributes(Map<String, Long> changed) {
    Map<String, Long> merged = new LinkedHashMap<>(attributes);
    merged.putAll(changed);
    return new Toxic(name, type, stream, toxicity, merged, ttlMillis);
  }

  Toxic withToxicity(double newToxicity) {
    return new Toxic(name, type, stream, newToxicity, attributes, ttlMillis);
  }

  Toxic withTtl(long newTtlMillis) {
    return new Toxic(name, type, stream, toxicity, attributes, newTtlMillis);
  }
}
