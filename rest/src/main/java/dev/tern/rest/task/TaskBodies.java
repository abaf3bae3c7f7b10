package dev.tern.rest.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tern.engine.task.IdentityLink;
import dev.tern.engine.task.Task;
import dev.tern.rest.runtime.VariableValueDto;
import java.util.Map;

/** The small request and response bodies of Camunda's task resource. */
final class TaskBodies {

  private TaskBodies() {}

  /** {@code UserIdDto}: claim, assignee, delegate. */
  record UserId(String userId) {}

  /** {@code CompleteTaskDto}: complete, submit-form, resolve. */
  record Complete(Map<String, VariableValueDto> variables, Boolean withVariablesInReturn) {}

  /** {@code TaskBpmnErrorDto}. */
  record BpmnError(String errorCode, String errorMessage, Map<String, VariableValueDto> variables) {}

  /** {@code TaskEscalationDto}. */
  record Escalation(String escalationCode, Map<String, VariableValueDto> variables) {}

  /** {@code TaskCountByCandidateGroupResultDto}. */
  record GroupCount(String groupName, int taskCount) {}

  /** {@code IdentityLinkDto}. */
  record Link(String userId, String groupId, String type) {
    static Link of(IdentityLink link) {
      return new Link(link.userId(), link.groupId(), link.type());
    }

    IdentityLink toLink() {
      return new IdentityLink(userId, groupId, type);
    }
  }

  /** {@code FormDto}: the form key or Camunda Form reference; Tern has no context path. */
  record Form(
      String key,
      @JsonInclude(JsonInclude.Include.NON_NULL) TaskDto.FormRefDto camundaFormRef,
      String contextPath) {
    static Form of(Task task) {
      return new Form(task.formKey(), TaskDto.FormRefDto.of(task), null);
    }
  }
}
