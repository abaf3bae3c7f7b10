package dev.tern.engine.task;

import dev.tern.engine.runtime.DelegateExecution;
import java.time.Instant;
import java.util.Map;

/**
 * The task a listener runs on, as Camunda's {@code DelegateTask}: its fields (changes are stored
 * when the listeners are done), candidates, and variables: the task's local variables first, then
 * those of its execution. Reachable in listener expressions as {@code task}.
 */
public interface DelegateTask {

  String getId();

  /** {@code create}, {@code assignment}, {@code update}, {@code complete} or {@code delete}. */
  String getEventName();

  String getName();

  void setName(String name);

  String getDescription();

  void setDescription(String description);

  String getAssignee();

  void setAssignee(String assignee);

  String getOwner();

  void setOwner(String owner);

  int getPriority();

  void setPriority(int priority);

  Instant getDueDate();

  void setDueDate(Instant dueDate);

  Instant getFollowUpDate();

  void setFollowUpDate(Instant followUpDate);

  Instant getCreateTime();

  String getTaskDefinitionKey();

  String getProcessInstanceId();

  String getProcessDefinitionId();

  String getExecutionId();

  String getTenantId();

  /** The execution the task belongs to. */
  DelegateExecution getExecution();

  void addCandidateUser(String userId);

  void addCandidateGroup(String groupId);

  /** A task-local variable, else a variable of the execution; null when unknown. */
  Object getVariable(String name);

  boolean hasVariable(String name);

  /** The execution's variables, hidden by the task's local ones of the same name. */
  Map<String, Object> getVariables();

  /** Sets the task-local variable of that name if there is one, else sets it on the execution. */
  void setVariable(String name, Object value);

  Object getVariableLocal(String name);

  void setVariableLocal(String name, Object value);
}
