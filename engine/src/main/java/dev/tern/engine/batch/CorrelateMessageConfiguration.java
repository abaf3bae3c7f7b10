package dev.tern.engine.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a correlate-message batch keeps in its configuration column: the message name (null: any
 * message) and the variables it sets, each with its type, value (a date as epoch milliseconds,
 * bytes as Base64) and value info.
 */
record CorrelateMessageConfiguration(String messageName, Map<String, TypedValue> variables) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String format() {
    ObjectNode node = JSON.createObjectNode();
    node.put("messageName", messageName);
    ObjectNode values = node.putObject("variables");
    variables.forEach((name, typed) -> values.set(name, format(typed)));
    return node.toString();
  }

  private static ObjectNode format(TypedValue typed) {
    ObjectNode node = JSON.createObjectNode().put("type", typed.type().camundaName());
    Object value = typed.value();
    if (value instanceof Instant instant) {
      node.put("value", instant.toEpochMilli());
    } else if (value instanceof byte[] bytes) {
      node.put("value", Base64.getEncoder().encodeToString(bytes));
    } else {
      node.set("value", JSON.valueToTree(value));
    }
    node.set("valueInfo", JSON.valueToTree(typed.valueInfo()));
    return node;
  }

  static CorrelateMessageConfiguration parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      Map<String, TypedValue> variables = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.get("variables").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        variables.put(entry.getKey(), parseValue(entry.getValue()));
      }
      JsonNode name = node.get("messageName");
      return new CorrelateMessageConfiguration(
          name == null || name.isNull() ? null : name.asText(), variables);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("Unreadable batch configuration: " + json, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static TypedValue parseValue(JsonNode node) {
    ValueType type = ValueType.byName(node.get("type").asText()).orElseThrow();
    JsonNode value = node.get("value");
    Map<String, Object> valueInfo = JSON.convertValue(node.get("valueInfo"), Map.class);
    if (value == null || value.isNull()) {
      return new TypedValue(type, null, valueInfo);
    }
    Object plain =
        switch (type) {
          case BOOLEAN -> value.asBoolean();
          case INTEGER -> value.asInt();
          case SHORT -> (short) value.asInt();
          case LONG -> value.asLong();
          case DOUBLE -> value.asDouble();
          case DATE -> Instant.ofEpochMilli(value.asLong());
          case BYTES, FILE -> Base64.getDecoder().decode(value.asText());
          case NULL -> null;
          default -> value.asText();
        };
    return new TypedValue(type, plain, valueInfo);
  }
}
