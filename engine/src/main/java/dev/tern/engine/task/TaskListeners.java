package dev.tern.engine.task;

import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.deployment.model.UserTaskListener;
import dev.tern.engine.el.Expressions;
import dev.tern.engine.runtime.UserTaskContext;
import org.jdbi.v3.core.Handle;

/**
 * Runs a user task's {@code camunda:taskListener}s for one event: an expression is evaluated, a
 * delegate expression must yield a {@link TaskListener}, which is notified. The task as the
 * listeners left it is returned; the caller stores it.
 */
final class TaskListeners {

  private final Expressions expressions;
  private final TaskStore store;

  TaskListeners(Expressions expressions, TaskStore store) {
    this.expressions = expressions;
    this.store = store;
  }

  Task fire(Handle handle, Task task, String event, UserTaskContext context, TaskLifecycle lifecycle) {
    var listeners = context.of(event);
    if (listeners.isEmpty()) {
      return task;
    }
    ListenerTask delegateTask =
        new ListenerTask(handle, task, event, context.execution(), lifecycle, store);
    for (UserTaskListener listener : listeners) {
      run(listener.implementation(), delegateTask);
    }
    return delegateTask.current();
  }

  private void run(ServiceImplementation implementation, ListenerTask task) {
    if (implementation instanceof ServiceImplementation.Expression e) {
      expressions.evaluate(e.expression(), task);
    } else if (implementation instanceof ServiceImplementation.DelegateExpression d) {
      TaskListener listener = expressions.evaluateDelegate(d.expression(), task, TaskListener.class);
      Expressions.call(() -> listener.notify(task));
    }
  }
}
