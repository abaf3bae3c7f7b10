package dev.tern.rest.externaltask;

import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.rest.support.RestException;
import dev.tern.rest.support.SortingDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Camunda's {@code FetchExternalTasksExtendedDto}, the body of {@code fetchAndLock}. */
record FetchDto(
    String workerId,
    Integer maxTasks,
    Boolean usePriority,
    Long asyncResponseTimeout,
    List<Topic> topics,
    List<SortingDto> sorting,
    Boolean includeExtensionProperties) {

  /** Camunda's {@code FetchExternalTaskTopicDto}. */
  record Topic(
      String topicName,
      Long lockDuration,
      List<String> variables,
      Boolean localVariables,
      String businessKey,
      String processDefinitionId,
      List<String> processDefinitionIdIn,
      String processDefinitionKey,
      List<String> processDefinitionKeyIn,
      String processDefinitionVersionTag,
      Boolean withoutTenantId,
      List<String> tenantIdIn,
      Map<String, Object> processVariables,
      Boolean deserializeValues,
      Boolean includeExtensionProperties) {}

  /** The engine's request; an unknown {@code sorting} entry is a 400, as Camunda answers it. */
  FetchRequest toRequest() {
    Boolean createTimeAscending = null;
    for (SortingDto sort : sorting == null ? List.<SortingDto>of() : sorting) {
      if (sort == null) {
        throw invalid("Invalid value for 'sorting': an entry is null");
      }
      if (!"createTime".equals(sort.sortBy())) {
        throw invalid("Cannot set query sortBy parameter to value " + sort.sortBy());
      }
      if (sort.sortOrder() != null && !List.of("asc", "desc").contains(sort.sortOrder())) {
        throw invalid("Cannot set query sortOrder parameter to value " + sort.sortOrder());
      }
      createTimeAscending = !"desc".equals(sort.sortOrder());
    }
    List<TopicRequest> requests = new ArrayList<>();
    for (Topic topic : topics == null ? List.<Topic>of() : topics) {
      if (topic == null) {
        throw invalid("Invalid value for 'topics': an entry is null");
      }
      requests.add(topicRequest(topic));
    }
    return new FetchRequest(
        workerId,
        maxTasks == null ? 0 : maxTasks,
        Boolean.TRUE.equals(usePriority),
        createTimeAscending,
        requests);
  }

  private TopicRequest topicRequest(Topic topic) {
    return new TopicRequest(
        topic.topicName(),
        topic.lockDuration() == null ? 0 : topic.lockDuration(),
        topic.variables(),
        Boolean.TRUE.equals(topic.localVariables()),
        topic.businessKey(),
        both(topic.processDefinitionId(), topic.processDefinitionIdIn()),
        both(topic.processDefinitionKey(), topic.processDefinitionKeyIn()),
        topic.processDefinitionVersionTag(),
        Boolean.TRUE.equals(topic.withoutTenantId()),
        topic.tenantIdIn(),
        topic.processVariables() == null ? Map.of() : new LinkedHashMap<>(topic.processVariables()),
        Boolean.TRUE.equals(topic.includeExtensionProperties())
            || Boolean.TRUE.equals(includeExtensionProperties));
  }

  /** A single value and a list both restrict: the value, if it is in the list. */
  private static List<String> both(String single, List<String> in) {
    if (single == null) {
      return in;
    }
    return in == null || in.contains(single) ? List.of(single) : List.of();
  }

  private static RestException invalid(String message) {
    return new RestException(400, "InvalidRequestException", message);
  }
}
