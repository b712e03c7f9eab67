package dev.chaosharness.sample.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.ServiceMetrics;
import dev.chaosharness.sample.kit.TransientFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The payment service's way to the external provider: a per-call timeout, retries with
 * exponential backoff, and a circuit breaker, with the order id as the provider's idempotency key
 * so a retried charge never charges twice.
 *
 * <p>Thread-safe.
 */
final class PaymentGateway {

  /** A charge's answer. */
  record Charge(boolean approved, String chargeId, String reason) {
  }

  /** The provider answered 5xx or not at all. */
  static final class ProviderUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final URI base;
  private final HttpClient client;
  private final Duration timeout;
  private final ServiceMetrics metrics;
  private final Retry retry;
  private final CircuitBreaker breaker;

  PaymentGateway(String providerUrl, Duration timeout, ServiceMetrics metrics) {
    this.base = URI.create(providerUrl.endsWith("/") ? providerUrl : providerUrl + "/");
    this.timeout = timeout;
    this.metrics = metrics;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.retry = Retry.of("provider", RetryConfig.custom()
        .maxAttempts(3)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
        .retryExceptions(ProviderUnavailable.class)
        .ignoreExceptions(CallNotPermittedException.class)
        .build());
    this.breaker = CircuitBreaker.of("provider", CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(2))
        .permittedNumberOfCallsInHalfOpenState(3)
        .recordExceptions(ProviderUnavailable.class)
        .build());
  }

  CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  Charge charge(String idempotencyKey, long amountCents, String cardNumber) throws TransientFailure {
    String body = EventCodec.JSON.createObjectNode().put("amountCents", amountCents).put("cardNumber", cardNumber)
        .toString();
    JsonNode answer = call("charges", idempotencyKey, body);
    boolean approved = "APPROVED".equals(answer.path("status").asText());
    metrics.providerCall(approved ? "approved" : "declined");
    return new Charge(approved, answer.path("chargeId").asText(), answer.path("reason").asText(null));
  }

  String refund(String idempotencyKey, String chargeId, long amountCents) throws TransientFailure {
    String body = EventCodec.JSON.createObjectNode().put("chargeId", chargeId).put("amountCents", amountCents)
        .toString();
    JsonNode answer = call("refunds", idempotencyKey, body);
    metrics.providerCall("refunded");
    return answer.path("refundId").asText();
  }

  private JsonNode call(String path, String key, String body) throws TransientFailure {
    Supplier<JsonNode> attempt = () -> post(path, key, body);
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
    } catch (CallNotPermittedException e) {
      metrics.providerCall("rejected");
      throw new TransientFailure("payment provider circuit is open; not calling " + path, e);
    } catch (ProviderUnavailable e) {
      metrics.providerCall("error");
      throw new TransientFailure("payment provider failed on " + path + " after 3 attempts: " + e.getMessage(), e);
    }
  }

  private JsonNode post(String path, String key, String body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderUnavailable("no answer from " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailable("interrupted calling " + request.uri(), e);
    }
    if (response.statusCode() >= 500 || response.statusCode() == 429) {
      throw new ProviderUnavailable(request.uri() + " answered " + response.statusCode(), null);
    }
    if (response.statusCode() >= 400 && response.statusCode() != 402) {
      throw new IllegalStateException("payment provider refused " + path + " with " + response.statusCode() + ": "
          + response.body());
    }
    try {
      return EventCodec.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("payment provider answered " + path + " with a body that is not JSON", e);
    }
  }
}
