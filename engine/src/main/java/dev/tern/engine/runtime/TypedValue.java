package dev.tern.engine.runtime;

import dev.tern.engine.FieldLimits;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * A variable value with its Camunda type. The Java class of {@link #value()} is fixed per type:
 * String ({@code STRING}; {@code JSON}, {@code XML} and {@code OBJECT} — the serialized document
 * as text), Boolean, Integer, Short, Long, Double, Instant ({@code DATE}), byte[] ({@code BYTES},
 * {@code FILE}). Any type may hold {@code null} (a typed null, as in Camunda); {@code NULL} holds
 * nothing else.
 *
 * @param valueInfo Camunda's {@code valueInfo}: {@code filename}, {@code mimeType}, {@code
 *     encoding} of a File, {@code objectTypeName}, {@code serializationDataFormat} of an Object;
 *     empty for the other types
 */
public record TypedValue(ValueType type, Object value, Map<String, Object> valueInfo) {

  public TypedValue {
    Objects.requireNonNull(type, "type");
    valueInfo = valueInfo == null ? Map.of() : Map.copyOf(valueInfo);
    if (value != null && !javaClass(type).isInstance(value)) {
      throw new IllegalArgumentException(
          "A "
              + type.camundaName()
              + " value must be a "
              + javaClass(type).getSimpleName()
              + ": "
              + value);
    }
  }

  public static TypedValue string(String value) {
    return of(ValueType.STRING, value);
  }

  public static TypedValue bool(Boolean value) {
    return of(ValueType.BOOLEAN, value);
  }

  public static TypedValue integer(Integer value) {
    return of(ValueType.INTEGER, value);
  }

  public static TypedValue shortValue(Short value) {
    return of(ValueType.SHORT, value);
  }

  public static TypedValue longValue(Long value) {
    return of(ValueType.LONG, value);
  }

  public static TypedValue doubleValue(Double value) {
    return of(ValueType.DOUBLE, value);
  }

  public static TypedValue date(Instant value) {
    return of(ValueType.DATE, value);
  }

  /** A JSON document, kept as its text. */
  public static TypedValue json(String value) {
    return of(ValueType.JSON, value);
  }

  /** An XML document, kept as its text. */
  public static TypedValue xml(String value) {
    return of(ValueType.XML, value);
  }

  public static TypedValue bytes(byte[] value) {
    return of(ValueType.BYTES, value);
  }

  /** A file: its content with the name, MIME type and encoding a download reports (null: none). */
  public static TypedValue file(byte[] content, String filename, String mimeType, String encoding) {
    FieldLimits.requireAtMost("filename", filename, FieldLimits.NAME);
    FieldLimits.requireAtMost("mimeType", mimeType, FieldLimits.NAME);
    FieldLimits.requireAtMost("encoding", encoding, FieldLimits.NAME);
    Map<String, Object> info = new java.util.LinkedHashMap<>();
    putIfSet(info, FILENAME, filename);
    putIfSet(info, MIME_TYPE, mimeType);
    putIfSet(info, ENCODING, encoding);
    return new TypedValue(ValueType.FILE, content, info);
  }

  /** An object in its serialized form, e.g. a JSON document of type {@code com.acme.Order}. */
  public static TypedValue object(String serialized, String objectTypeName, String dataFormat) {
    FieldLimits.requireAtMost("objectTypeName", objectTypeName, FieldLimits.NAME);
    FieldLimits.requireAtMost("serializationDataFormat", dataFormat, FieldLimits.NAME);
    Map<String, Object> info = new java.util.LinkedHashMap<>();
    putIfSet(info, OBJECT_TYPE_NAME, objectTypeName);
    putIfSet(info, SERIALIZATION_DATA_FORMAT, dataFormat);
    return new TypedValue(ValueType.OBJECT, serialized, info);
  }

  /** The {@code valueInfo} keys Camunda uses. */
  public static final String FILENAME = "filename";

  public static final String MIME_TYPE = "mimeType";
  public static final String ENCODING = "encoding";
  public static final String OBJECT_TYPE_NAME = "objectTypeName";
  public static final String SERIALIZATION_DATA_FORMAT = "serializationDataFormat";

  private static void putIfSet(Map<String, Object> info, String key, String value) {
    if (value != null) {
      info.put(key, value);
    }
  }

  /** A {@code valueInfo} entry as text, or null. */
  public String info(String key) {
    Object value = valueInfo.get(key);
    return value == null ? null : value.toString();
  }

  public static TypedValue nullValue() {
    return new TypedValue(ValueType.NULL, null, Map.of());
  }

  public static TypedValue of(ValueType type, Object value) {
    return new TypedValue(type, value, Map.of());
  }

  /**
   * The typed value for a plain Java object, e.g. what an expression returned: String, Boolean,
   * Integer, Short, Long, Double (and Float), Instant or java.util.Date; null is {@code NULL}.
   *
   * @throws IllegalArgumentException for any other class
   */
  public static TypedValue fromJava(Object value) {
    if (value == null) {
      return nullValue();
    }
    if (value instanceof TypedValue typed) {
      return typed;
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return bool(b);
    }
    if (value instanceof Integer i) {
      return integer(i);
    }
    if (value instanceof Short s) {
      return shortValue(s);
    }
    if (value instanceof Long l) {
      return longValue(l);
    }
    if (value instanceof Double d) {
      return doubleValue(d);
    }
    if (value instanceof Float f) {
      return doubleValue(f.doubleValue());
    }
    if (value instanceof Instant i) {
      return date(i);
    }
    if (value instanceof Date d) {
      return date(d.toInstant());
    }
    if (value instanceof byte[] b) {
      return bytes(b);
    }
    throw new IllegalArgumentException(
        "Cannot store a variable of class " + value.getClass().getName());
  }

  public boolean isNull() {
    return value == null;
  }

  private static Class<?> javaClass(ValueType type) {
    return switch (type) {
      case STRING, JSON, XML, OBJECT -> String.class;
      case BYTES, FILE -> byte[].class;
      case BOOLEAN -> Boolean.class;
      case INTEGER -> Integer.class;
      case SHORT -> Short.class;
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case DATE -> Instant.class;
      case NULL -> Void.class;
    };
  }
}
