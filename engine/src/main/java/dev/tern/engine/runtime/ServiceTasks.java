package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.el.Expressions;
import dev.tern.engine.runtime.connector.HttpConnector;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Does a service task's work: evaluates its expression, calls its delegate or class, or runs its
 * connector. Failures propagate unchanged (checked delegate exceptions wrapped with the same
 * message) so a job fails with the cause's own message.
 */
final class ServiceTasks {

  private final ParameterValues parameters;
  private final HttpConnector httpConnector;
  private final ConcurrentMap<String, Class<?>> classes = new ConcurrentHashMap<>();

  ServiceTasks(ParameterValues parameters, HttpConnector httpConnector) {
    this.parameters = parameters;
    this.httpConnector = httpConnector;
  }

  void execute(ServiceImplementation implementation, ExecutionFacade execution) {
    if (implementation instanceof ServiceImplementation.Expression e) {
      Object result = parameters.expressions().evaluate(e.expression(), execution);
      if (e.resultVariable() != null && !e.resultVariable().isBlank()) {
        execution.setVariable(e.resultVariable(), result);
      }
    } else if (implementation instanceof ServiceImplementation.DelegateExpression d) {
      call(
          parameters.expressions().evaluateDelegate(d.expression(), execution, JavaDelegate.class),
          execution);
    } else if (implementation instanceof ServiceImplementation.JavaClass c) {
      call(instantiate(c.className()), execution);
    } else if (implementation instanceof ServiceImplementation.Connector c) {
      runConnector(c, execution);
    }
  }

  private void runConnector(ServiceImplementation.Connector connector, ExecutionFacade execution) {
    if (!HttpConnector.ID.equals(connector.connectorId())) {
      throw new ProcessEngineException(
          "Cannot find connector with id '" + connector.connectorId() + "'");
    }
    IoMapping mapping = connector.ioMapping();
    Map<String, Object> request = new LinkedHashMap<>();
    for (IoMapping.Parameter input : mapping.inputs()) {
      request.put(input.name(), parameters.value(input.value(), execution));
    }
    Map<String, Object> response = httpConnector.execute(request);
    ExecutionFacade withResponse = execution.with(response);
    for (IoMapping.Parameter output : mapping.outputs()) {
      execution.setVariable(output.name(), parameters.value(output.value(), withResponse));
    }
  }

  private static void call(JavaDelegate delegate, ExecutionFacade execution) {
    Expressions.call(() -> delegate.execute(execution));
  }

  private JavaDelegate instantiate(String className) {
    Class<?> type =
        classes.computeIfAbsent(
            className,
            name -> {
              try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                // not initialised before it is known to be a delegate: a model may name any class
                return Class.forName(
                    name, false, loader != null ? loader : ServiceTasks.class.getClassLoader());
              } catch (ClassNotFoundException e) {
                throw new ProcessEngineException(
                    "ENGINE-09008 Exception while instantiating class '" + name + "': class not found");
              }
            });
    if (!JavaDelegate.class.isAssignableFrom(type)) {
      throw new ProcessEngineException(
          "Class '" + className + "' does not implement " + JavaDelegate.class.getName());
    }
    try {
      return (JavaDelegate) type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new ProcessEngineException(
          "ENGINE-09008 Exception while instantiating class '"
              + className
              + "': "
              + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new ProcessEngineException(
          "ENGINE-09008 Exception while instantiating class '"
              + className
              + "': it needs a public no-arg constructor");
    }
  }
}
