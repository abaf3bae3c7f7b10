package dev.tern.engine.runtime;

/**
 * Work a service task does in Java, named by {@code camunda:class} (instantiated with its no-arg
 * constructor) or returned by {@code camunda:delegateExpression}. An exception fails the task: inside
 * a job the job executor records it and retries; during a synchronous call it reaches the caller.
 */
@FunctionalInterface
public interface JavaDelegate {
  void execute(DelegateExecution execution) throws Exception;
}
