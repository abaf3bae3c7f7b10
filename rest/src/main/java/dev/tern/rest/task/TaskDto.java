package dev.tern.rest.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tern.engine.task.Task;
import dev.tern.engine.task.TaskChanges;
import java.time.Instant;

/**
 * Camunda's {@code TaskDto}, read ({@code GET /task}) and written ({@code PUT /task/{id}}, {@code
 * POST /task/create}; there a missing priority is 0, as Camunda's {@code int} field). The case
 * fields are always null.
 */
record TaskDto(
    String id,
    String name,
    String assignee,
    String owner,
    Instant created,
    Instant lastUpdated,
    Instant due,
    Instant followUp,
    String delegationState,
    String description,
    String executionId,
    String parentTaskId,
    Integer priority,
    String processDefinitionId,
    String processInstanceId,
    String caseExecutionId,
    String caseDefinitionId,
    String caseInstanceId,
    String taskDefinitionKey,
    Boolean suspended,
    String formKey,
    // openapi.json does not allow null here; Camunda leaves it out when the task has no form ref
    @JsonInclude(JsonInclude.Include.NON_NULL) FormRefDto camundaFormRef,
    String tenantId,
    String taskState) {

  /** Camunda's {@code CamundaFormRef}: a Camunda Form by key, binding and version. */
  record FormRefDto(String key, String binding, Integer version) {
    static FormRefDto of(Task task) {
      return task.formRefKey() == null
          ? null
          : new FormRefDto(task.formRefKey(), task.formRefBinding(), task.formRefVersion());
    }
  }

  static TaskDto of(Task t) {
    return new TaskDto(
        t.id(),
        t.name(),
        t.assignee(),
        t.owner(),
        t.created(),
        t.lastUpdated(),
        t.due(),
        t.followUp(),
        t.delegationState(),
        t.description(),
        t.executionId(),
        t.parentTaskId(),
        t.priority(),
        t.processDefinitionId(),
        t.processInstanceId(),
        null,
        null,
        null,
        t.taskDefinitionKey(),
        t.suspended(),
        t.formKey(),
        FormRefDto.of(t),
        t.tenantId(),
        t.taskState());
  }

  TaskChanges changes() {
    return new TaskChanges(
        name,
        description,
        assignee,
        owner,
        delegationState,
        priority == null ? 0 : priority,
        due,
        followUp,
        parentTaskId,
        tenantId);
  }
}
