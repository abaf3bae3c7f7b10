package dev.tern.rest.history;

import dev.tern.engine.history.HistoricExternalTaskLog;
import java.time.Instant;

/** Camunda's {@code HistoricExternalTaskLogDto}. */
record HistoricExternalTaskLogDto(
    String id,
    Instant timestamp,
    Instant removalTime,
    String externalTaskId,
    String topicName,
    String workerId,
    long priority,
    Integer retries,
    String errorMessage,
    String activityId,
    String activityInstanceId,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String tenantId,
    String rootProcessInstanceId,
    boolean creationLog,
    boolean failureLog,
    boolean successLog,
    boolean deletionLog) {

  static HistoricExternalTaskLogDto of(HistoricExternalTaskLog l) {
    return new HistoricExternalTaskLogDto(
        l.id(),
        l.timestamp(),
        l.removalTime(),
        l.externalTaskId(),
        l.topicName(),
        l.workerId(),
        l.priority(),
        l.retries(),
        l.errorMessage(),
        l.activityId(),
        l.activityInstanceId(),
        l.executionId(),
        l.processInstanceId(),
        l.processDefinitionId(),
        l.processDefinitionKey(),
        l.tenantId(),
        l.rootProcessInstanceId(),
        l.creationLog(),
        l.failureLog(),
        l.successLog(),
        l.deletionLog());
  }
}
