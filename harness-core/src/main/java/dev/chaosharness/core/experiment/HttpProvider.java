package dev.chaosharness.core.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chaos Toolkit's {@code http} provider: one request; it fails when the status is not expected.
 *
 * @param url the URL (may use {@code ${...}})
 * @param method the HTTP method, {@code GET} by default
 * @param headers request headers
 * @param arguments the body: sent as JSON unless {@code Content-Type} says form, absent for none
 * @param timeout the request timeout (default 30 s)
 * @param expectedStatus the statuses that count as success; empty means any status below 400
 */
public record HttpProvider(String url, String method, Map<String, String> headers, Optional<Object> arguments,
    Duration timeout, List<Integer> expectedStatus) implements Provider {

  /** Validates and copies the fields. */
  public HttpProvider {
    Objects.requireNonNull(url, "url must not be null");
    Objects.requireNonNull(method, "method must not be null");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(arguments, "arguments must not be null");
    Objects.requireNonNull(timeout, "timeout must not be null");
    expectedStatus = List.copyOf(expectedStatus);
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public String describe() {
    return method + " " + url;
  }
}
