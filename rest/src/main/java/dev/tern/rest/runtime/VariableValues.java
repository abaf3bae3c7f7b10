package dev.tern.rest.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import dev.tern.rest.support.CamundaDates;
import dev.tern.rest.support.CamundaJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Converts Camunda's JSON variable values to {@link TypedValue}s and back, with Camunda's rules:
 * type names ignore case, a value of another JSON type is converted through its text form ({@code
 * "5"} is a fine Integer), Json values are strings, dates use Camunda's format.
 */
public final class VariableValues {

  private VariableValues() {}

  /**
   * The typed value of a DTO.
   *
   * @param prefix what the endpoint puts before the reason, e.g. {@code Cannot put process instance
   *     variable x}
   * @throws InvalidRequestException {@code <prefix>: Unsupported value type 'foo'} and the like
   */
  public static TypedValue toTyped(VariableValueDto dto, String prefix) {
    try {
      return toTyped(dto == null ? new VariableValueDto(null, null, null) : dto);
    } catch (Unconvertible e) {
      throw new InvalidRequestException(prefix + ": " + e.getMessage());
    }
  }

  /** The typed values of a map of DTOs (null: an empty map), in the map's order. */
  public static Map<String, TypedValue> toTyped(Map<String, VariableValueDto> dtos, String prefix) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    if (dtos != null) {
      dtos.forEach((name, dto) -> result.put(name, toTyped(dto, prefix)));
    }
    return result;
  }

  public static VariableValueDto toDto(TypedValue typed) {
    Object value = typed.value() instanceof Instant instant ? CamundaDates.format(instant) : typed.value();
    return new VariableValueDto(value, typed.type().camundaName(), Map.of());
  }

  public static Map<String, VariableValueDto> toDtos(Map<String, TypedValue> values) {
    Map<String, VariableValueDto> result = new LinkedHashMap<>();
    values.forEach((name, value) -> result.put(name, toDto(value)));
    return result;
  }

  private static TypedValue toTyped(VariableValueDto dto) {
    Object value = dto.value();
    if (dto.type() == null) {
      return untyped(value);
    }
    ValueType type =
        ValueType.byName(dto.type())
            .orElseThrow(
                () -> new Unconvertible("Unsupported value type '" + dto.type() + "'"));
    if (type == ValueType.NULL) {
      return TypedValue.nullValue();
    }
    if (value == null) {
      return TypedValue.of(type, null);
    }
    if (type == ValueType.JSON) {
      if (!(value instanceof String json)) {
        throw new Unconvertible(
            "Must provide 'null' or String value for value of SerializableValue type '"
                + dto.type()
                + "'.");
      }
      try {
        CamundaJson.mapper().readTree(json);
      } catch (JsonProcessingException e) {
        throw new Unconvertible(
            "Cannot convert value '" + json + "' of type '" + dto.type() + "' to a JSON document");
      }
      return TypedValue.json(json);
    }
    try {
      return TypedValue.of(type, convert(type, value));
    } catch (RuntimeException e) {
      throw new Unconvertible(
          String.format(
              "Cannot convert value '%s' of type '%s' to java type %s",
              value, dto.type(), javaTypeName(type)));
    }
  }

  private static Object convert(ValueType type, Object value) {
    String text = value instanceof String s ? s : String.valueOf(value);
    return switch (type) {
      case STRING -> text;
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          yield b;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          yield Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(text);
      }
      case INTEGER -> Integer.valueOf(text.trim());
      case SHORT -> Short.valueOf(text.trim());
      case LONG -> Long.valueOf(text.trim());
      case DOUBLE -> Double.valueOf(text.trim());
      case DATE -> CamundaDates.parse(text).orElseThrow(IllegalArgumentException::new);
      case JSON, NULL -> throw new IllegalStateException("handled above");
    };
  }

  /** A value without a type, typed by its JSON form as Camunda's untyped values are. */
  private static TypedValue untyped(Object value) {
    if (value == null) {
      return TypedValue.nullValue();
    }
    if (value instanceof String s) {
      return TypedValue.string(s);
    }
    if (value instanceof Boolean b) {
      return TypedValue.bool(b);
    }
    if (value instanceof Integer i) {
      return TypedValue.integer(i);
    }
    if (value instanceof Long l) {
      return TypedValue.longValue(l);
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return TypedValue.doubleValue(((Number) value).doubleValue());
    }
    if (value instanceof BigInteger big) {
      throw new Unconvertible(
          "Cannot convert value '" + big + "' to a number: it is out of the range of Long");
    }
    // a JSON object or array without a type: kept as a JSON document
    try {
      return TypedValue.json(CamundaJson.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new Unconvertible("Cannot convert value '" + value + "' to a JSON document");
    }
  }

  private static String javaTypeName(ValueType type) {
    return switch (type) {
      case STRING -> "java.lang.String";
      case BOOLEAN -> "java.lang.Boolean";
      case INTEGER -> "java.lang.Integer";
      case SHORT -> "java.lang.Short";
      case LONG -> "java.lang.Long";
      case DOUBLE -> "java.lang.Double";
      case DATE -> "java.util.Date";
      case JSON, NULL -> Objects.toString(null);
    };
  }

  private static final class Unconvertible extends RuntimeException {
    Unconvertible(String message) {
      super(message);
    }
  }
}
