package dev.tern.engine.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A variable's {@code valueInfo} as the JSON object the {@code value_info} column holds. */
final class ValueInfoColumn {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ValueInfoColumn() {}

  static String write(Map<String, Object> valueInfo) {
    if (valueInfo.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(valueInfo);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("valueInfo cannot be stored: " + e.getOriginalMessage());
    }
  }

  static Map<String, Object> read(String column) {
    if (column == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(column, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable value_info " + column, e);
    }
  }
}
