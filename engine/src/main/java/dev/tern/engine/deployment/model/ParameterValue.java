package dev.tern.engine.deployment.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value of an input/output parameter: text (may hold {@code ${…}}), a map, a list or null. */
public sealed interface ParameterValue {

  /** Text, evaluated as an expression when it contains {@code ${…}} or {@code #{…}}. */
  record Text(String text) implements ParameterValue {}

  /** {@code camunda:map}; entries keep document order. */
  record MapValue(Map<String, ParameterValue> entries) implements ParameterValue {
    public MapValue {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** {@code camunda:list}. */
  record ListValue(List<ParameterValue> items) implements ParameterValue {
    public ListValue {
      items = List.copyOf(items);
    }
  }

  /** A parameter without a value. */
  record Null() implements ParameterValue {}
}
