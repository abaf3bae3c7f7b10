package dev.tern.engine.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The Camunda 7 value types Tern stores: the primitives, {@code Json}, {@code Xml}, {@code Bytes},
 * {@code File} and {@code Object} (kept in its serialized form, never turned into a Java object). {@link #camundaName()} is the name the REST API
 * uses ({@code String}, {@code Json}, …); {@link #storageName()} is what {@code tern_variable.var_type}
 * holds.
 */
public enum ValueType {
  STRING("String"),
  BOOLEAN("Boolean"),
  INTEGER("Integer"),
  SHORT("Short"),
  LONG("Long"),
  DOUBLE("Double"),
  DATE("Date"),
  JSON("Json"),
  XML("Xml"),
  BYTES("Bytes"),
  FILE("File"),
  OBJECT("Object"),
  NULL("Null");

  private final String camundaName;

  ValueType(String camundaName) {
    this.camundaName = camundaName;
  }

  public String camundaName() {
    return camundaName;
  }

  /** Bytes and File: the value is a byte array, kept in a byte-array table. */
  public boolean binary() {
    return this == BYTES || this == FILE;
  }

  /** Json, Xml and Object: the value is a serialized document, kept as text. */
  public boolean serialized() {
    return this == JSON || this == XML || this == OBJECT;
  }

  public String storageName() {
    return camundaName.toLowerCase(Locale.ROOT);
  }

  /** The type with this Camunda name, ignoring case ({@code string}, {@code STRING}, …). */
  public static Optional<ValueType> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (ValueType type : values()) {
      if (type.camundaName.equalsIgnoreCase(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
