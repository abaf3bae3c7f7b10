package dev.tern.engine.deployment.model;

/** How a service task does its work. */
public sealed interface ServiceImplementation {

  /** {@code camunda:expression}, with an optional {@code camunda:resultVariable}. */
  record Expression(String expression, String resultVariable) implements ServiceImplementation {}

  /** {@code camunda:delegateExpression}: resolves to a delegate object that is then called. */
  record DelegateExpression(String expression) implements ServiceImplementation {}

  /** {@code camunda:class}: a class on the embedding application's class path. */
  record JavaClass(String className) implements ServiceImplementation {}

  /**
   * {@code camunda:connector}: a connector id (only {@code http-connector} is supported) and its
   * own input/output mapping, which reads and writes connector parameters.
   */
  record Connector(String connectorId, IoMapping ioMapping) implements ServiceImplementation {}

  /**
   * {@code camunda:type="external"}: the task waits for an external worker that fetches it by topic.
   *
   * @param topic {@code camunda:topic}, may be an expression
   * @param priority {@code camunda:taskPriority} (a number or an expression), or null for 0
   * @param properties {@code camunda:properties}, in document order
   */
  record External(String topic, String priority, java.util.Map<String, String> properties)
      implements ServiceImplementation {
    public External {
      properties =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
  }
}
