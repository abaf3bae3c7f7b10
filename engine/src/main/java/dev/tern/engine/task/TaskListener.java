package dev.tern.engine.task;

/**
 * Work a user task's {@code camunda:taskListener} does in Java: the object its {@code
 * camunda:delegateExpression} returns. An exception fails the call that fired the event and nothing
 * of it is kept.
 */
@FunctionalInterface
public interface TaskListener {
  void notify(DelegateTask task) throws Exception;
}
