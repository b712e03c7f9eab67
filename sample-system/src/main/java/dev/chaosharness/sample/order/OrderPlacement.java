package dev.chaosharness.sample.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.ApiError;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.HttpRoutes;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders}: validates, dedupes by {@code Idempotency-Key}, and writes the order with
 * its {@code OrderCreated} in one transaction.
 *
 * <p>Thread-safe.
 */
final class OrderPlacement {

  private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final ServiceKit kit;
  private final boolean noOutbox;

  OrderPlacement(ServiceKit kit, boolean noOutbox) {
    this.kit = kit;
    this.noOutbox = noOutbox;
  }

  private record Answer(int status, UUID orderId, EventEnvelope created) {
  }

  void place(Context ctx) throws Exception {
    String key = ctx.header("Idempotency-Key");
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new ApiError(400, "Idempotency-Key", "header Idempotency-Key is required (1 to 200 characters)");
    }
    boolean synthetic = "true".equalsIgnoreCase(ctx.header("X-Synthetic"));
    OrderRequest request = OrderRequest.parse(ctx.body(), synthetic);
    String hash = hash(request, synthetic);
    Answer answer;
    try {
      answer = write(key, hash, request, synthetic);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      answer = write(key, hash, request, synthetic);
    }
    if (answer.created() != null) {
      kit.metrics().sagaStarted();
      if (noOutbox) {
        publishOutsideTransaction(answer.created());
      }
    }
    HttpRoutes.json(ctx, answer.status(), EventCodec.JSON.createObjectNode()
        .put("orderId", answer.orderId().toString()).put("status", "PENDING").toString());
  }

  private Answer write(String key, String hash, OrderRequest request, boolean synthetic) throws Exception {
    return kit.database().inTransaction(c -> {
      Optional<OrderStore.Placement> existing = OrderStore.findPlacement(c, key);
      if (existing.isPresent()) {
        if (!existing.get().requestHash().equals(hash)) {
          throw new ApiError(409, "Idempotency-Key", "Idempotency-Key '" + key
              + "' was already used with a different request body; use a new key for a new order");
        }
        return new Answer(200, existing.get().orderId(), null);
      }
      UUID orderId = kit.newId();
      Instant now = kit.clock().instant();
      OrderStore.insert(c, key, hash, orderId, request, synthetic, now);
      ObjectNode payload = request.toJson().put("amountCents", request.amountCents());
      EventEnvelope created = new EventEnvelope(kit.newId(), Topics.ORDER_CREATED, orderId.toString(), now,
          kit.config().serviceName(), null, synthetic, payload);
      if (!noOutbox) {
        kit.outbox().append(c, Topics.ORDERS, created);
      }
      return new Answer(201, orderId, created);
    });
  }

  /**
   * The {@code order-no-outbox} defect: after the commit, publishes fire-and-forget on another
   * thread and swallows every error, so an unreachable broker silently loses the event.
   */
  private void publishOutsideTransaction(EventEnvelope created) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.ORDERS, created.orderId(), EventCodec.encode(created));
    kit.tracing().inject(io.opentelemetry.context.Context.current())
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    CompletableFuture.runAsync(() -> {
      try {
        kit.producer().send(record, (metadata, error) -> {
          if (error == null) {
            kit.metrics().published(created.type());
          }
        });
      } catch (RuntimeException e) {
        log.debug("order-no-outbox: send of {} failed and is ignored", created.eventId(), e);
      }
    });
  }

  private static String hash(OrderRequest request, boolean synthetic) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((request.toJson().toString() + "|" + synthetic).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
