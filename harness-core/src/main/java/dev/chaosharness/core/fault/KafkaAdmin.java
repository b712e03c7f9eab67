package dev.chaosharness.core.fault;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Opens short-timeout Kafka admin clients for the Kafka faults and waits on their futures. Stateless. */
final class KafkaAdmin {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private KafkaAdmin() {}

  static Admin open(String bootstrapServers) {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "chaos-harness-faults",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()));
  }

  /** Waits for {@code future}; a failure becomes a {@link FaultException} saying what was being done. */
  static <T> T await(Future<T> future, String doing) {
    try {
      return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException("Interrupted while " + doing, e);
    } catch (ExecutionException e) {
      throw new FaultException("Kafka refused " + doing + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new FaultException("Kafka did not answer within " + CALL_TIMEOUT.toSeconds() + " s while " + doing, e);
    }
  }
}
