package dev.tern.engine.runtime;

/**
 * A change of a variable, as conditional events filter them ({@code camunda:variableName}, {@code
 * camunda:variableEvents}).
 *
 * @param event {@link #CREATE}, {@link #UPDATE} or {@link #DELETE}
 */
record VariableChange(String name, String event) {
  static final String CREATE = "create";
  static final String UPDATE = "update";
  static final String DELETE = "delete";
}
