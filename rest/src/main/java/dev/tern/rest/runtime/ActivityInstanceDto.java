package dev.tern.rest.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tern.engine.runtime.ActivityInstance;
import java.util.List;

/**
 * Camunda's {@code ActivityInstanceDto} (with the deprecated {@code name} beside {@code
 * activityName}); Tern reports no incidents here, so both incident lists are empty.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ActivityInstanceDto(
    String id,
    String parentActivityInstanceId,
    String activityId,
    String activityName,
    String name,
    String activityType,
    String processInstanceId,
    String processDefinitionId,
    List<ActivityInstanceDto> childActivityInstances,
    List<TransitionInstanceDto> childTransitionInstances,
    List<String> executionIds,
    List<String> incidentIds,
    List<Object> incidents) {

  static ActivityInstanceDto of(
      ActivityInstance instance, String processInstanceId, String processDefinitionId) {
    return new ActivityInstanceDto(
        instance.id(),
        instance.parentActivityInstanceId(),
        instance.activityId(),
        instance.activityName(),
        instance.activityName(),
        instance.activityType(),
        processInstanceId,
        processDefinitionId,
        instance.childActivityInstances().stream()
            .map(child -> of(child, processInstanceId, processDefinitionId))
            .toList(),
        instance.childTransitionInstances().stream()
            .map(t -> TransitionInstanceDto.of(t, processInstanceId, processDefinitionId))
            .toList(),
        instance.executionIds(),
        List.of(),
        List.of());
  }

  /** Camunda's {@code TransitionInstanceDto}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record TransitionInstanceDto(
      String id,
      String parentActivityInstanceId,
      String activityId,
      String activityName,
      String activityType,
      String processInstanceId,
      String processDefinitionId,
      String executionId,
      List<String> incidentIds,
      List<Object> incidents) {

    static TransitionInstanceDto of(
        ActivityInstance.TransitionInstance transition,
        String processInstanceId,
        String processDefinitionId) {
      return new TransitionInstanceDto(
          transition.id(),
          transition.parentActivityInstanceId(),
          transition.activityId(),
          transition.activityName(),
          transition.activityType(),
          processInstanceId,
          processDefinitionId,
          transition.executionId(),
          List.of(),
          List.of());
    }
  }
}
