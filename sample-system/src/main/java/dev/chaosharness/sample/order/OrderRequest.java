package dev.chaosharness.sample.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.ApiError;
import dev.chaosharness.sample.kit.EventCodec;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated order placement request.
 *
 * <p>Immutable.
 *
 * @param customerId the customer
 * @param sku {@code SKU-001}..{@code SKU-100} or {@code SKU-EMPTY}
 * @param quantity within [1, 100]
 * @param cardNumber 12 to 19 digits
 * @param shippingAddress non-blank
 */
record OrderRequest(String customerId, String sku, int quantity, String cardNumber, String shippingAddress) {

  private static final Pattern CARD = Pattern.compile("\\d{12,19}");
  private static final Pattern SKU = Pattern.compile("SKU-\\d{3}");
  /** Cards the provider never charges for real; synthetic orders must use one. */
  static final Set<String> TEST_CARDS = Set.of("4242424242424242", "4000000000000002");
  static final int UNIT_PRICE_CENTS = 1_000;

  /**
   * Parses and validates a request body.
   *
   * @throws ApiError 400 naming the field, or 422 for an unknown SKU
   */
  static OrderRequest parse(String body, boolean synthetic) {
    JsonNode node;
    try {
      node = EventCodec.JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "body", "request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ApiError(400, "body", "request body must be a JSON object");
    }
    String customerId = text(node, "customerId");
    String sku = text(node, "sku");
    JsonNode quantityNode = node.get("quantity");
    if (quantityNode == null || !quantityNode.canConvertToInt() || !quantityNode.isIntegralNumber()) {
      throw new ApiError(400, "quantity", "quantity must be an integer within [1, 100], but was " + quantityNode);
    }
    int quantity = quantityNode.intValue();
    if (quantity < 1 || quantity > 100) {
      throw new ApiError(400, "quantity", "quantity must be within [1, 100], but was " + quantity);
    }
    String card = text(node, "cardNumber");
    if (!CARD.matcher(card).matches()) {
      throw new ApiError(400, "cardNumber", "cardNumber must be 12 to 19 digits");
    }
    if (synthetic && !TEST_CARDS.contains(card)) {
      throw new ApiError(400, "cardNumber", "synthetic orders must use a test card " + TEST_CARDS.stream().sorted().toList());
    }
    String address = text(node, "shippingAddress");
    if (!isKnownSku(sku)) {
      throw new ApiError(422, "sku", "sku '" + sku + "' is unknown; known SKUs are SKU-001..SKU-100 and SKU-EMPTY");
    }
    return new OrderRequest(customerId, sku, quantity, card, address);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ApiError(400, field, field + " must be a non-blank string, but was " + value);
    }
    if (value.asText().length() > 200) {
      throw new ApiError(400, field, field + " must be at most 200 characters");
    }
    return value.asText();
  }

  static boolean isKnownSku(String sku) {
    if ("SKU-EMPTY".equals(sku)) {
      return true;
    }
    if (!SKU.matcher(sku).matches()) {
      return false;
    }
    int n = Integer.parseInt(sku.substring(4));
    return n >= 1 && n <= 100;
  }

  long amountCents() {
    return (long) quantity * UNIT_PRICE_CENTS;
  }

  /** The request as JSON, also the canonical form hashed for idempotency. */
  ObjectNode toJson() {
    return EventCodec.JSON.createObjectNode()
        .put("customerId", customerId)
        .put("sku", sku)
        .put("quantity", quantity)
        .put("cardNumber", cardNumber)
        .put("shippingAddress", shippingAddress);
  }
}
