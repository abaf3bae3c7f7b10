package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.UserTaskListener;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a user task's listeners need from the process: the listeners its model declares and the
 * execution they run on (built only when a listener runs).
 */
public record UserTaskContext(List<UserTaskListener> listeners, Supplier<ExecutionFacade> execution) {

  /** No listeners (a standalone task, or a model without any). */
  public static final UserTaskContext NONE = new UserTaskContext(List.of(), () -> null);

  public UserTaskContext {
    listeners = List.copyOf(listeners);
  }

  /** The listeners of one event, in document order. */
  public List<UserTaskListener> of(String event) {
    return listeners.stream().filter(l -> l.event().equals(event)).toList();
  }
}
