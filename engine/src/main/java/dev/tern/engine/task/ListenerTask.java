package dev.tern.engine.task;

import dev.tern.engine.el.VariableSource;
import dev.tern.engine.runtime.DelegateExecution;
import dev.tern.engine.runtime.ExecutionFacade;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.VariableValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The {@link DelegateTask} of one listener event: field changes are kept in memory until the
 * listeners are done ({@link #current()}), candidates and task-local variables are written at
 * once. Also the identifier source of listener expressions: {@code task}, the task's local
 * variables, then whatever the execution resolves (its variables, {@code execution}, beans).
 */
final class ListenerTask implements DelegateTask, VariableSource {

  private final Handle handle;
  private final String event;
  private final Supplier<ExecutionFacade> executionSupplier;
  private final TaskLifecycle lifecycle;
  private final TaskStore store;
  private Task task;
  private ExecutionFacade execution;
  private Map<String, Object> locals;

  ListenerTask(
      Handle handle,
      Task task,
      String event,
      Supplier<ExecutionFacade> execution,
      TaskLifecycle lifecycle,
      TaskStore store) {
    this.handle = handle;
    this.task = task;
    this.event = event;
    this.executionSupplier = execution;
    this.lifecycle = lifecycle;
    this.store = store;
  }

  /** The task with the listeners' changes to its fields. */
  Task current() {
    return task;
  }

  @Override
  public Optional<Object> resolve(String name) {
    if ("task".equals(name)) {
      return Optional.of(this);
    }
    if (locals().containsKey(name)) {
      return Optional.of(orNull(locals().get(name)));
    }
    return execution().resolve(name);
  }

  private static Object orNull(Object value) {
    return value == null ? VariableSource.NULL : value;
  }

  private ExecutionFacade execution() {
    if (execution == null) {
      execution = executionSupplier.get();
    }
    return execution;
  }

  private Map<String, Object> locals() {
    if (locals == null) {
      locals = new LinkedHashMap<>();
      store.localVariables(handle, task.id()).forEach((n, v) -> locals.put(n, VariableValues.plain(v)));
    }
    return locals;
  }

  private void change(
      String name, String description, String assignee, String owner, int priority, Instant due, Instant followUp) {
    task =
        task.with(
            new TaskChanges(
                name, description, assignee, owner, task.delegationState(), priority, due, followUp,
                task.parentTaskId(), task.tenantId()));
  }

  @Override
  public String getId() {
    return task.id();
  }

  @Override
  public String getEventName() {
    return event;
  }

  @Override
  public String getName() {
    return task.name();
  }

  @Override
  public void setName(String name) {
    change(name, task.description(), task.assignee(), task.owner(), task.priority(), task.due(), task.followUp());
  }

  @Override
  public String getDescription() {
    return task.description();
  }

  @Override
  public void setDescription(String description) {
    change(task.name(), description, task.assignee(), task.owner(), task.priority(), task.due(), task.followUp());
  }

  @Override
  public String getAssignee() {
    return task.assignee();
  }

  @Override
  public void setAssignee(String assignee) {
    change(task.name(), task.description(), assignee, task.owner(), task.priority(), task.due(), task.followUp());
  }

  @Override
  public String getOwner() {
    return task.owner();
  }

  @Override
  public void setOwner(String owner) {
    change(task.name(), task.description(), task.assignee(), owner, task.priority(), task.due(), task.followUp());
  }

  @Override
  public int getPriority() {
    return task.priority();
  }

  @Override
  public void setPriority(int priority) {
    change(task.name(), task.description(), task.assignee(), task.owner(), priority, task.due(), task.followUp());
  }

  @Override
  public Instant getDueDate() {
    return task.due();
  }

  @Override
  public void setDueDate(Instant dueDate) {
    change(task.name(), task.description(), task.assignee(), task.owner(), task.priority(), dueDate, task.followUp());
  }

  @Override
  public Instant getFollowUpDate() {
    return task.followUp();
  }

  @Override
  public void setFollowUpDate(Instant followUpDate) {
    change(task.name(), task.description(), task.assignee(), task.owner(), task.priority(), task.due(), followUpDate);
  }

  @Override
  public Instant getCreateTime() {
    return task.created();
  }

  @Override
  public String getTaskDefinitionKey() {
    return task.taskDefinitionKey();
  }

  @Override
  public String getProcessInstanceId() {
    return task.processInstanceId();
  }

  @Override
  public String getProcessDefinitionId() {
    return task.processDefinitionId();
  }

  @Override
  public String getExecutionId() {
    return task.executionId();
  }

  @Override
  public String getTenantId() {
    return task.tenantId();
  }

  @Override
  public DelegateExecution getExecution() {
    return execution();
  }

  @Override
  public void addCandidateUser(String userId) {
    lifecycle.addLink(handle, task, new IdentityLink(userId, null, IdentityLink.CANDIDATE), null);
  }

  @Override
  public void addCandidateGroup(String groupId) {
    lifecycle.addLink(handle, task, new IdentityLink(null, groupId, IdentityLink.CANDIDATE), null);
  }

  @Override
  public Object getVariable(String name) {
    return locals().containsKey(name) ? locals().get(name) : execution().getVariable(name);
  }

  @Override
  public boolean hasVariable(String name) {
    return locals().containsKey(name) || execution().hasVariable(name);
  }

  @Override
  public Map<String, Object> getVariables() {
    Map<String, Object> all = new LinkedHashMap<>(execution().getVariables());
    all.putAll(locals());
    return all;
  }

  @Override
  public void setVariable(String name, Object value) {
    if (locals().containsKey(name)) {
      setVariableLocal(name, value);
    } else {
      execution().setVariable(name, value);
    }
  }

  @Override
  public Object getVariableLocal(String name) {
    return locals().get(name);
  }

  @Override
  public void setVariableLocal(String name, Object value) {
    TypedValue typed = VariableValues.typed(name, value);
    store.setLocalVariables(handle, task.id(), Map.of(name, typed), lifecycle.now());
    locals().put(name, VariableValues.plain(typed));
  }

  @Override
  public String toString() {
    return "Task[" + task.id() + " at " + task.taskDefinitionKey() + "]";
  }
}
