package dev.tern.engine.externaltask;

import java.util.List;
import java.util.Map;

/**
 * One topic of a {@link FetchRequest}, with Camunda's per-topic filters ({@code
 * FetchExternalTaskTopicDto}); null means "no filter".
 *
 * @param variables the variable names to return; null returns all
 * @param localVariables return only the task's local variables (Tern keeps none, so none)
 * @param processVariables equality filter on process variables (plain values)
 */
public record TopicRequest(
    String topicName,
    long lockDuration,
    List<String> variables,
    boolean localVariables,
    String businessKey,
    List<String> processDefinitionIds,
    List<String> processDefinitionKeys,
    String processDefinitionVersionTag,
    boolean withoutTenantId,
    List<String> tenantIds,
    Map<String, Object> processVariables,
    boolean includeExtensionProperties) {

  /** A topic with nothing but its name and lock duration. */
  public static TopicRequest of(String topicName, long lockDuration) {
    return new TopicRequest(
        topicName, lockDuration, null, false, null, null, null, null, false, null, Map.of(), false);
  }
}
