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

  /** A JSON document, kept as its text. */
  public static TypedValue json(String value) {
    return of(ValueType.JSON, value);
  }

  /** An XML document, kept as its text. */
  public static TypedValue xml(String value) {
    return of(ValueType.XML, value);
  }

  /** A file: its content with the name, MIME type and encoding a download reports (null: none). */
  public static TypedValue file(byte[] content, String filename, String mimeType, String encoding) {
    return new TypedValue(
        ValueType.FILE,
        content,
        valueInfo(FILENAME, filename, MIME_TYPE, mimeType, ENCODING, encoding));
  }

  /** An object in its serialized form, e.g. a JSON document of type {@code com.acme.Order}. */
  public static TypedValue object(String serialized, String objectTypeName, String dataFormat) {
    return new TypedValue(
        ValueType.OBJECT,
        serialized,
        valueInfo(OBJECT_TYPE_NAME, objectTypeName, SERIALIZATION_DATA_FORMAT, dataFormat));
  }

  /** The {@code valueInfo} keys Camunda uses. */
  public static final String FILENAME = "filename";

  public static final String MIME_TYPE = "mimeType";
  public static final String ENCODING = "encoding";
  public static final String OBJECT_TYPE_NAME = "objectTypeName";
  public static final String SERIALIZATION_DATA_FORMAT = "serializationDataFormat";

  /**
   * A {@code valueInfo} of the set ones of these key, value pairs; each value at most {@link
   * FieldLimits#NAME} long, named by its key in the error.
   */
  private static Map<String, Object> valueInfo(String... keysAndValues) {
    Map<String, Object> info = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = keysAndValues[i];
      String value = keysAndValues[i + 1];
      FieldLimits.requireAtMost(key, value, FieldLimits.NAME);
      if (value != null) {
        info.put(key, value);
      }
    }
    return info;
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
    for (ValueType type : FROM_JAVA) {
      if (javaClass(type).isInstance(value)) {
        return of(type, value);
      }
    }
    if (value instanceof Float f) {
      return of(ValueType.DOUBLE, f.doubleValue());
    }
    if (value instanceof Date d) {
      return of(ValueType.DATE, d.toInstant());
    }
    throw new IllegalArgumentException(
        "Cannot store a variable of class " + value.getClass().getName());
  }

  /** The types {@link #fromJava} gives a value of their Java class (text is a STRING). */
  private static final ValueType[] FROM_JAVA = {
    ValueType.STRING,
    ValueType.BOOLEAN,
    ValueType.INTEGER,
    ValueType.SHORT,
    ValueType.LONG,
    ValueType.DOUBLE,
    ValueType.DATE,
    ValueType.BYTES
  };

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
