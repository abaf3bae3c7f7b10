package dev.tern.rest.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import dev.tern.rest.support.CamundaDates;
import dev.tern.rest.support.CamundaJson;
import dev.tern.rest.support.QueryParams;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Converts Camunda's JSON variable values to {@link TypedValue}s and back, with Camunda's rules:
 * type names ignore case, a value of another JSON type is converted through its text form ({@code
 * "5"} is a fine Integer), Json values are strings, dates use Camunda's format, Bytes and File
 * contents are Base64 text.
 *
 * <p>Object values are kept as their serialized JSON text and never turned into Java objects: a
 * client names any {@code objectTypeName} it likes and Tern loads no class by that name (Camunda
 * itself refuses Java serialization by default). Reading with {@code deserializeValues=true} (the
 * default) shows an {@code application/json} Object as the JSON document it holds, which is what
 * Camunda's Jackson rendering of the deserialized object shows for a plain Java bean.
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
    return toTyped(dto, () -> prefix);
  }

  private static TypedValue toTyped(
      VariableValueDto dto, java.util.function.Supplier<String> prefix) {
    try {
      return toTyped(dto == null ? new VariableValueDto(null, null, null) : dto);
    } catch (Unconvertible e) {
      throw new InvalidRequestException(prefix.get() + ": " + e.getMessage());
    }
  }

  /** The typed values of a map of DTOs (null: an empty map), in the map's order. */
  public static Map<String, TypedValue> toTyped(Map<String, VariableValueDto> dtos, String prefix) {
    return toTyped(dtos, () -> prefix);
  }

  /**
   * As {@link #toTyped(Map, String)}, the message's prefix asked for only when a value cannot be
   * converted (it may need a lookup, which may itself answer first, e.g. with a 404).
   */
  public static Map<String, TypedValue> toTyped(
      Map<String, VariableValueDto> dtos, java.util.function.Supplier<String> prefix) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    if (dtos != null) {
      dtos.forEach((name, dto) -> result.put(name, toTyped(dto, prefix)));
    }
    return result;
  }

  /** The DTO of a value as Camunda renders it with {@code deserializeValues=true}. */
  public static VariableValueDto toDto(TypedValue typed) {
    return toDto(typed, true);
  }

  /**
   * The DTO of a value: a File's content is never included (it is downloaded from {@code …/data}),
   * Bytes are Base64 text, an Object is its JSON document when {@code deserialize}, else its
   * serialized text.
   */
  public static VariableValueDto toDto(TypedValue typed, boolean deserialize) {
    Object value = typed.value();
    if (value instanceof Instant instant) {
      value = CamundaDates.format(instant);
    } else if (typed.type() == ValueType.FILE) {
      value = null;
    } else if (typed.type() == ValueType.OBJECT && deserialize && value != null) {
      value = deserialized((String) value);
    }
    return new VariableValueDto(value, typed.type().camundaName(), typed.valueInfo());
  }

  public static Map<String, VariableValueDto> toDtos(Map<String, TypedValue> values) {
    return toDtos(values, true);
  }

  public static Map<String, VariableValueDto> toDtos(
      Map<String, TypedValue> values, boolean deserialize) {
    Map<String, VariableValueDto> result = new LinkedHashMap<>();
    values.forEach((name, value) -> result.put(name, toDto(value, deserialize)));
    return result;
  }

  /** Camunda's {@code deserializeValue(s)} switch, true unless set to false. */
  public static boolean deserialize(Context ctx, String param) {
    Boolean value = QueryParams.of(ctx).bool(param);
    return value == null || value;
  }

  /**
   * Answers a {@code …/data} request with a Bytes or File value; any other type is Camunda's 400
   * naming {@code id}.
   */
  public static void sendBinary(Context ctx, String id, TypedValue value) {
    if (!value.type().binary()) {
      throw new InvalidRequestException(
          "Value of variable with id " + id + " is not a binary value.");
    }
    BinaryVariables.send(ctx, value);
  }

  private static Object deserialized(String json) {
    try {
      return CamundaJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return json; // written before Tern checked Object values; shown as stored
    }
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
    if (value == null && type == ValueType.FILE) {
      throw new Unconvertible("Provided value is not of File, InputStream or byte[] type.");
    }
    if (value == null && type != ValueType.OBJECT) {
      return TypedValue.of(type, null);
    }
    if (type.serialized()) {
      return serialized(type, dto, value);
    }
    if (type.binary()) {
      return binary(type, dto, value);
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

  /** Json, Xml and Object: serialized text, kept as given (Json and JSON Objects must parse). */
  private static TypedValue serialized(ValueType type, VariableValueDto dto, Object value) {
    if (value != null && !(value instanceof String)) {
      throw new Unconvertible(
          "Must provide 'null' or String value for value of SerializableValue type '"
              + dto.type()
              + "'.");
    }
    String text = (String) value;
    if (type == ValueType.XML) {
      return TypedValue.xml(text);
    }
    if (type == ValueType.JSON) {
      requireJson(text, dto.type());
      return TypedValue.json(text);
    }
    Map<String, Object> info = dto.valueInfo() == null ? Map.of() : dto.valueInfo();
    String typeName = stringInfo(info, TypedValue.OBJECT_TYPE_NAME);
    String format = stringInfo(info, TypedValue.SERIALIZATION_DATA_FORMAT);
    if (text != null && typeName == null) {
      throw new Unconvertible("no 'objectTypeName' provided for non-null value.");
    }
    if (format == null || !format.equalsIgnoreCase(JSON_FORMAT)) {
      throw new Unconvertible(
          "Tern stores Object values serialized as "
              + JSON_FORMAT
              + " only (serializationDataFormat was "
              + (format == null ? "not set" : "'" + format + "'")
              + "); Java serialization is refused, as Camunda refuses it by default");
    }
    requireJson(text, dto.type());
    return TypedValue.object(text, typeName, JSON_FORMAT);
  }

  private static final String JSON_FORMAT = "application/json";

  private static void requireJson(String text, String typeName) {
    if (text == null) {
      return;
    }
    try {
      CamundaJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new Unconvertible(
          "Cannot convert value '" + text + "' of type '" + typeName + "' to a JSON document");
    }
  }

  /** Bytes and File: Base64 text (a File also needs its {@code filename}). */
  private static TypedValue binary(ValueType type, VariableValueDto dto, Object value) {
    byte[] bytes = null;
    if (value != null) {
      try {
        bytes = Base64.getMimeDecoder().decode(value.toString());
      } catch (IllegalArgumentException e) {
        throw new Unconvertible(
            String.format(
                "Cannot convert value '%s' of type '%s' to java type [B", value, dto.type()));
      }
    }
    if (type == ValueType.BYTES) {
      return TypedValue.of(ValueType.BYTES, bytes);
    }
    Map<String, Object> info = dto.valueInfo() == null ? Map.of() : dto.valueInfo();
    String filename = stringInfo(info, TypedValue.FILENAME);
    if (filename == null) {
      throw new Unconvertible(
          "Cannot create file without filename! Please set a name into ValueInfo with key filename");
    }
    return TypedValue.file(
        bytes, filename, stringInfo(info, TypedValue.MIME_TYPE), stringInfo(info, TypedValue.ENCODING));
  }

  private static String stringInfo(Map<String, Object> info, String key) {
    Object value = info.get(key);
    return value == null ? null : value.toString();
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
      default -> throw new IllegalStateException("handled above: " + type);
    };
  }

  /** A value without a type, typed by its JSON form as Camunda's untyped values are. */
  private static TypedValue untyped(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long) {
      return TypedValue.fromJava(value);
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return TypedValue.of(ValueType.DOUBLE, ((Number) value).doubleValue());
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
      default -> Objects.toString(null);
    };
  }

  private static final class Unconvertible extends RuntimeException {
    Unconvertible(String message) {
      super(message);
    }
  }
}
