package dev.tern.engine.deployment.model;

import java.util.List;

/** {@code camunda:inputOutput}: parameters set on entering a node and read back on leaving it. */
public record IoMapping(List<Parameter> inputs, List<Parameter> outputs) {

  public static final IoMapping NONE = new IoMapping(List.of(), List.of());

  public IoMapping {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public boolean isEmpty() {
    return inputs.isEmpty() && outputs.isEmpty();
  }

  /** One {@code camunda:inputParameter} or {@code camunda:outputParameter}. */
  public record Parameter(String name, ParameterValue value) {}
}
