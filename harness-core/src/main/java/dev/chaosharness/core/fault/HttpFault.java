package dev.chaosharness.core.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault on a stubbed HTTP dependency: a fixed or random delay on every response, or an error
 * status, a connection reset or a malformed response for the URLs that match a pattern.
 * Thread-safe.
 */
public final class HttpFault implements dev.chaosharness.core.fault.Fault {

  private static final Logger LOG = LoggerFactory.getLogger(HttpFault.class);

  enum Kind { FIXED_DELAY, RANDOM_DELAY, ERROR_STATUS, CONNECTION_RESET, MALFORMED_RESPONSE }

  private final Kind kind;
  private final long first;
  private final long second;
  private final String urlRegex;
  private final String dependencyName;
  private HttpDependency dependency;
  private UUID override;

  private HttpFault(Builder builder, String dependencyName) {
    this.kind = builder.kind;
    this.first = builder.first;
    this.second = builder.second;
    this.urlRegex = builder.urlRegex;
    this.dependencyName = dependencyName;
  }

  @Override
  public synchronized void inject(FaultTarget target) {
    if (dependency != null) {
      throw new IllegalStateException(describe() + " is already injected; revert it first");
    }
    HttpDependency found = target.httpDependency(dependencyName);
    switch (kind) {
      case FIXED_DELAY -> found.delay(first, 0, 0);
      case RANDOM_DELAY -> found.delay(0, first, second);
      case ERROR_STATUS -> override = found.overrideWith(urlRegex, aResponse().withStatus((int) first)
          .withHeader("Content-Type", "application/json").withBody("{\"error\":\"injected by chaos harness\"}"));
      case CONNECTION_RESET -> override = found.overrideWith(urlRegex, fault(Fault.CONNECTION_RESET_BY_PEER));
      case MALFORMED_RESPONSE -> override = found.overrideWith(urlRegex, fault(Fault.MALFORMED_RESPONSE_CHUNK));
    }
    dependency = found;
    LOG.info("Injected {}", describe());
  }

  private static ResponseDefinitionBuilder fault(Fault fault) {
    return aResponse().withFault(fault);
  }

  @Override
  public synchronized void revert() {
    if (dependency == null) {
      return;
    }
    if (override != null) {
      dependency.removeOverride(override);
      override = null;
    } else {
      dependency.delay(0, 0, 0);
    }
    dependency = null;
  }

  @Override
  public String describe() {
    String what = switch (kind) {
      case FIXED_DELAY -> "HTTP delay " + first + "ms";
      case RANDOM_DELAY -> "HTTP random delay " + first + "-" + second + "ms";
      case ERROR_STATUS -> "HTTP status " + first + " for " + urlRegex;
      case CONNECTION_RESET -> "HTTP connection reset for " + urlRegex;
      case MALFORMED_RESPONSE -> "HTTP malformed response for " + urlRegex;
    };
    return what + " on " + dependencyName;
  }

  /** Builds an {@link HttpFault}; start from {@link Faults}. Not thread-safe. */
  public static final class Builder {

    private final Kind kind;
    private final long first;
    private final long second;
    private String urlRegex = ".*";

    Builder(Kind kind, long first, long second) {
      this.kind = kind;
      this.first = first;
      this.second = second;
    }

    /** Limits the fault to URLs matching {@code urlRegex} (default: all); delays apply to all URLs. */
    public Builder forUrls(String urlRegex) {
      Objects.requireNonNull(urlRegex, "urlRegex");
      if (kind == Kind.FIXED_DELAY || kind == Kind.RANDOM_DELAY) {
        throw new IllegalStateException("HTTP delays apply to every URL of the dependency; forUrls works "
            + "with error status, connection reset and malformed response faults");
      }
      this.urlRegex = urlRegex;
      return this;
    }

    /** Returns the fault on the named HTTP dependency. */
    public HttpFault on(String dependencyName) {
      return new HttpFault(this, Objects.requireNonNull(dependencyName, "dependencyName"));
    }
  }
}
