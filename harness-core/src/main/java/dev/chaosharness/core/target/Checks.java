package dev.chaosharness.core.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation helpers for the target model's compact constructors. */
final class Checks {

  private Checks() {}

  static void notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, but was "
          + (value == null ? "missing" : "'" + value + "'"));
    }
  }

  static void url(String field, String value) {
    notBlank(field, value);
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " must be an http(s) URL like "
          + "http://127.0.0.1:8080, but was '" + value + "'", e);
    }
  }

  static void hostPorts(String field, String value) {
    notBlank(field, value);
    for (String hostPort : value.split(",")) {
      if (!hostPort.strip().matches("[^\\s:/]+:\\d{1,5}")) {
        throw new IllegalArgumentException(field + " must be host:port[,host:port...], but was '"
            + value + "'");
      }
    }
  }

  static void unique(String field, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(field + " must have unique names, but '" + name
            + "' appears twice");
      }
    }
  }
}
