package dev.chaosharness.sample.smoke;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a smoke run does.
 *
 * <p>Immutable.
 *
 * @param orderUrl the order service's base URL
 * @param kafkaBootstrapServers the broker, to observe terminal events on {@code orders.events}
 * @param orders how many orders to place, at least 1
 * @param ratePerSecond placement rate (open model), above 0
 * @param seed the seed of the path mix
 * @param runId makes this run's idempotency keys unique
 * @param timeout how long to wait for outcomes after the last placement
 */
public record SmokeSettings(URI orderUrl, String kafkaBootstrapServers, int orders, double ratePerSecond, long seed,
    String runId, Duration timeout) {

  /** Validates every setting, echoing a bad value. */
  public SmokeSettings {
    Objects.requireNonNull(orderUrl, "orderUrl");
    Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(timeout, "timeout");
    if (orders < 1) {
      throw new IllegalArgumentException("orders must be at least 1, but was " + orders);
    }
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number of orders per second, but was "
          + ratePerSecond);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
  }

  /** Returns these settings aimed at another shop. */
  public SmokeSettings withTarget(URI orderUrl, String kafkaBootstrapServers) {
    return new SmokeSettings(orderUrl, kafkaBootstrapServers, orders, ratePerSecond, seed, runId, timeout);
  }
}
