package dev.chaosharness.core.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads API request bodies and writes Toxiproxy-shaped JSON; every read error names its field. */
final class ApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String DISABLED_TTL = "disabled_ttl";

  private ApiJson() {}

  static JsonNode parse(String body) {
    if (body.isBlank()) {
      throw ApiError.badBody("the body is empty; expected a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "bad request body: malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  static ObjectNode object(JsonNode node, String what) {
    if (!(node instanceof ObjectNode object)) {
      throw ApiError.badBody(what + " must be a JSON object, but was " + node);
    }
    return object;
  }

  /** Parses a new toxic: stream defaults to downstream, toxicity to 1.0, name to type_stream. */
  static Toxic newToxic(JsonNode json) {
    ObjectNode body = object(json, "the toxic");
    String typeText = text(body, "type", null);
    if (typeText == null) {
      throw ApiError.missingField("type");
    }
    StreamDirection stream = StreamDirection.parse(text(body, "stream", "downstream"));
    ToxicType type = ToxicType.parse(typeText);
    String name = text(body, "name", "");
    if (name.isEmpty()) {
      name = type.wireName() + "_" + stream.wireName();
    }
    double toxicity = number(body, "toxicity", 1.0);
    return new Toxic(name, type, stream, toxicity, attributes(body), integer(body, "ttl", 0));
  }

  /** Applies an update: only attributes, toxicity and ttl change, as upstream. */
  static Toxic updatedToxic(Toxic current, JsonNode json) {
    ObjectNode body = object(json, "the toxic update");
    Toxic updated = current.withAttributes(attributes(body));
    updated = updated.withToxicity(number(body, "toxicity", current.toxicity()));
    return updated.withTtl(integer(body, "ttl", current.ttlMillis()));
  }

  /**
   * Reads the optional lease on a disabled proxy ({@code disabled_ttl}, ms; 0 clears it); a lease
   * on a proxy that would end up enabled is refused.
   */
  static OptionalLong disabledTtl(ObjectNode body, String proxy, boolean enabled) {
    JsonNode node = body.get(DISABLED_TTL);
    if (node == null || node.isNull()) {
      return OptionalLong.empty();
    }
    long ttl = integer(body, DISABLED_TTL, 0);
    if (ttl < 0) {
      throw ApiError.badBody("field '" + DISABLED_TTL + "' must be >= 0 milliseconds, but was " + ttl);
    }
    if (ttl > 0 && enabled) {
      throw ApiError.badBody("field '" + DISABLED_TTL + "' leases a disabled proxy, but proxy '" + proxy
          + "' would be enabled; send \"enabled\": false with it");
    }
    return OptionalLong.of(ttl);
  }

  private static Map<String, Long> attributes(ObjectNode body) {
    JsonNode node = body.get("attributes");
    Map<String, Long> result = new HashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    ObjectNode attributes = object(node, "field 'attributes'");
    attributes.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
        throw ApiError.badBody(
            "attribute '" + field.getKey() + "' must be an integer, but was " + value);
      }
      result.put(field.getKey(), value.asLong());
    });
    return result;
  }

  static String text(ObjectNode body, String field, String fallback) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw ApiError.badBody("field '" + field + "' must be a string, but was " + node);
    }
    return node.asText();
  }

  static double number(ObjectNode body, String field, double fallback) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw ApiError.badBody("field '" + field + "' must be a number, but was " + node);
    }
    return node.asDouble();
  }

  static long integer(ObjectNode body, String field, long fallback) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber()) {
      throw ApiError.badBody("field '" + field + "' must be an integer, but was " + node);
    }
    return node.asLong();
  }

  static boolean bool(ObjectNode body, String field, boolean fallback) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw ApiError.badBody("field '" + field + "' must be true or false, but was " + node);
    }
    return node.asBoolean();
  }

  static ObjectNode toxic(Toxic toxic) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode attributes = node.putObject("attributes");
    for (String attribute : toxic.type().attributes()) {
      attributes.put(attribute, toxic.attribute(attribute));
    }
    node.put("name", toxic.name());
    node.put("type", toxic.type().wireName());
    node.put("stream", toxic.stream().wireName());
    node.put("toxicity", toxic.toxicity());
    if (toxic.ttlMillis() > 0) {
      node.put("ttl", toxic.ttlMillis());
    }
    return node;
  }

  static ArrayNode toxics(List<Toxic> toxics) {
    ArrayNode array = MAPPER.createArrayNode();
    toxics.forEach(toxic -> array.add(toxic(toxic)));
    return array;
  }

  static ObjectNode proxy(TcpProxy proxy) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", proxy.name());
    node.put("listen", proxy.listen());
    node.put("upstream", proxy.upstream());
    node.put("enabled", proxy.enabled());
    long disabledTtl = proxy.disabledTtlMillis();
    if (disabledTtl > 0) {
      node.put(DISABLED_TTL, disabledTtl);
    }
    node.set("toxics", toxics(proxy.toxics()));
    return node;
  }

  static ObjectNode error(ApiError error) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", error.getMessage());
    node.put("status", error.status());
    return node;
  }
}
