package dev.chaosharness.core.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.UniformDistribution;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * A stubbed HTTP dependency (WireMock on a free loopback port) that HTTP faults act on.
 *
 * <pre>{@code
 * try (HttpDependency provider = HttpDependency.start("provider")) {
 *   provider.stub("POST", "/charges.*", 200, "{\"status\":\"CHARGED\"}");
 *   // point the payment service at provider.baseUrl()
 * }
 * }</pre>
 *
 * <p>Needs {@code org.wiremock:wiremock-standalone} on the classpath (an optional dependency of
 * harness-core). Thread-safe; {@link #close()} is idempotent.
 */
public final class HttpDependency implements AutoCloseable {

  private static final int FAULT_PRIORITY = 1;
  private static final int STUB_PRIORITY = 5;

  private final String name;
  private final WireMockServer server;

  private HttpDependency(String name) {
    this.name = name;
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  /** Starts a stub server named {@code name} on a free loopback port. */
  public static HttpDependency start(String name) {
    return new HttpDependency(Objects.requireNonNull(name, "name"));
  }

  /** Returns the name faults use for this dependency. */
  public String name() {
    return name;
  }

  /** Returns the base URL, for example {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return URI.create(server.baseUrl());
  }

  /** Answers requests with {@code method} (or {@code ANY}) whose URL matches {@code urlRegex}. */
  public void stub(String method, String urlRegex, int status, String jsonBody) {
    server.stubFor(mapping(method, urlRegex).atPriority(STUB_PRIORITY)
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(jsonBody)));
  }

  UUID overrideWith(String urlRegex, ResponseDefinitionBuilder response) {
    StubMapping mapping = server.stubFor(any(urlMatching(urlRegex)).atPriority(FAULT_PRIORITY).willReturn(response));
    return mapping.getId();
  }

  void removeOverride(UUID id) {
    StubMapping mapping = server.getSingleStubMapping(id);
    if (mapping != null) {
      server.removeStubMapping(mapping);
    }
  }

  void delay(long fixedMillis, long randomMinMillis, long randomMaxMillis) {
    GlobalSettings.Builder settings = GlobalSettings.builder();
    if (fixedMillis > 0) {
      settings.fixedDelay((int) fixedMillis);
    }
    if (randomMaxMillis > 0) {
      settings.delayDistribution(new UniformDistribution((int) randomMinMillis, (int) randomMaxMillis));
    }
    server.updateGlobalSettings(settings.build());
  }

  private static MappingBuilder mapping(String method, String urlRegex) {
    return "ANY".equalsIgnoreCase(method) ? any(urlMatching(urlRegex))
        : request(method.toUpperCase(java.util.Locale.ROOT), urlMatching(urlRegex));
  }

  /** Stops the stub server; idempotent. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }
}
