package dev.tern.rest.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tern.engine.task.ListedTask;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import java.util.Map;

/**
 * A task of {@code GET}/{@code POST /task}: Camunda's {@code TaskDto}, its {@code
 * TaskWithVariablesDto} ({@code variables}) or its {@code TaskWithAttachmentAndCommentDto} ({@code
 * attachment}, {@code comment}), by the options of the query; the fields not asked for are left
 * out.
 */
record ListedTaskDto(
    @JsonUnwrapped TaskDto task,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, VariableValueDto> variables,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean attachment,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean comment) {

  static ListedTaskDto of(ListedTask listed) {
    return new ListedTaskDto(
        TaskDto.of(listed.task()),
        listed.variables() == null ? null : VariableValues.toDtos(listed.variables()),
        listed.attachment(),
        listed.comment());
  }
}
