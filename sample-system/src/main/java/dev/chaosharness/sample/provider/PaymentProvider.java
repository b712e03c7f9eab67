package dev.chaosharness.sample.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.ApiError;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.HttpRoutes;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake external card processor: {@code POST /charges} and {@code POST /refunds}, idempotent by
 * the {@code Idempotency-Key} header (the same key answers the same result and never charges
 * twice). Card {@code 4000000000000002} is declined. {@code GET /charges} lists the charges made,
 * for tests. State lives in memory.
 *
 * <p>Thread-safe.
 */
public final class PaymentProvider implements SampleService {

  static final String DECLINED_CARD = "4000000000000002";

  private final ServiceKit kit;
  private final Map<String, ObjectNode> charges = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();

  /**
   * Creates the provider.
   *
   * @param kit the started kit (no database, no Kafka)
   */
  public PaymentProvider(ServiceKit kit) {
    this.kit = kit;
  }

  @Override
  public void routes(HttpRoutes routes) {
    routes.post("/charges", this::charge);
    routes.post("/refunds", this::refund);
    routes.get("/charges", ctx -> {
      ArrayNode list = EventCodec.JSON.createArrayNode();
      charges.forEach((key, charge) -> list.add(charge.deepCopy().put("idempotencyKey", key)));
      HttpRoutes.json(ctx, 200, list.toString());
    });
  }

  private void charge(Context ctx) {
    String key = key(ctx);
    JsonNode body = body(ctx);
    ObjectNode result = charges.computeIfAbsent(key, k -> {
      String card = body.path("cardNumber").asText("");
      ObjectNode charge = EventCodec.JSON.createObjectNode()
          .put("chargeId", "ch_" + kit.newId())
          .put("amountCents", body.path("amountCents").asLong());
      return DECLINED_CARD.equals(card)
          ? charge.put("status", "DECLINED").put("reason", "card_declined")
          : charge.put("status", "APPROVED");
    });
    HttpRoutes.json(ctx, "APPROVED".equals(result.get("status").asText()) ? 201 : 402, result.toString());
  }

  private void refund(Context ctx) {
    String key = key(ctx);
    JsonNode body = body(ctx);
    ObjectNode result = refunds.computeIfAbsent(key, k -> EventCodec.JSON.createObjectNode()
        .put("refundId", "re_" + kit.newId())
        .put("chargeId", body.path("chargeId").asText())
        .put("amountCents", body.path("amountCents").asLong())
        .put("status", "REFUNDED"));
    HttpRoutes.json(ctx, 201, result.toString());
  }

  private static String key(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null || key.isBlank()) {
      throw new ApiError(400, "Idempotency-Key", "header Idempotency-Key is required");
    }
    return key;
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode node = EventCodec.JSON.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new ApiError(400, "body", "request body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiError(400, "body", "request body is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
