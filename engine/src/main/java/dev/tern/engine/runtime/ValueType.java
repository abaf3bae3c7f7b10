package dev.tern.engine.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The Camunda 7 primitive value types Tern stores. {@link #camundaName()} is the name the REST API
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
  NULL("Null");

  private final String camundaName;

  ValueType(String camundaName) {
    this.camundaName = camundaName;
  }

  public String camundaName() {
    return camundaName;
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
