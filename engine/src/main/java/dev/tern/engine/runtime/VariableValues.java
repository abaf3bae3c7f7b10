package dev.tern.engine.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.engine.ProcessEngineException;
import java.util.Collection;
import java.util.Map;

/**
 * Converts between the plain Java values expressions and delegates work with and the
 * {@link TypedValue}s the variable store keeps. Maps and collections (e.g. a connector's response
 * headers) are kept as JSON documents.
 */
public final class VariableValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VariableValues() {}

  public static TypedValue typed(String name, Object value) {
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      try {
        return TypedValue.json(JSON.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new ProcessEngineException(
            "Cannot store variable '" + name + "' as JSON: " + e.getOriginalMessage());
      }
    }
    try {
      return TypedValue.fromJava(value);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(
          "Cannot store variable '"
              + name
              + "': values of class "
              + value.getClass().getName()
              + " are not supported (String, Boolean, Integer, Short, Long, Double, Date, JSON)");
    }
  }

  public static Object plain(TypedValue value) {
    return value.value();
  }
}
