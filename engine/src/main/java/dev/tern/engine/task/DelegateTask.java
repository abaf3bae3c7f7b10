package dev.tern.engine.task;

import dev.tern.engine.runtime.DelegateExecution;
import dev.tern.engine.runtime.VariableScope;
import java.time.Instant;

/**
 * The task a listener runs on, as Camunda's {@code DelegateTask}: its fields (changes are stored
 * when the listeners are done), candidates, and variables: the task's local variables first, then
 * those of its execution. Reachable in listener expressions as {@code task}.
 */
public interface DelegateTask extends VariableScope {

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
}
