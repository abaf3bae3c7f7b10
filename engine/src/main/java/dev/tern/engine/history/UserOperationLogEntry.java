package dev.tern.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A row of {@code tern_hi_op_log}: one changed property of one user operation. The entries of one
 * operation share {@link #operationId}.
 */
public record UserOperationLogEntry(
    String id,
    String operationId,
    String deploymentId,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceId,
    String executionId,
    String jobId,
    String jobDefinitionId,
    String batchId,
    String userId,
    Instant timestamp,
    String operationType,
    String entityType,
    String property,
    String orgValue,
    String newValue,
    String category,
    String tenantId,
    String annotation,
    Instant removalTime,
    String taskId) {

  public static final String ENTITY_TYPE_JOB = "Job";
  public static final String ENTITY_TYPE_EXTERNAL_TASK = "ExternalTask";
  public static final String OPERATION_TYPE_SET_JOB_RETRIES = "SetJobRetries";
  public static final String OPERATION_TYPE_SET_EXTERNAL_TASK_RETRIES = "SetExternalTaskRetries";
  public static final String CATEGORY_OPERATOR = "Operator";
  public static final String ENTITY_TYPE_PROCESS_INSTANCE = "ProcessInstance";
  public static final String OPERATION_TYPE_DELETE_HISTORY = "DeleteHistory";
  public static final String OPERATION_TYPE_CORRELATE_MESSAGE = "CorrelateMessage";
  public static final String ENTITY_TYPE_TASK = "Task";
  public static final String CATEGORY_TASK_WORKER = "TaskWorker";

  /** One changed property of an operation: its name, old and new value as the log shows them. */
  public record PropertyChange(String property, String orgValue, String newValue) {}

  /**
   * The entries of one operator's operation on many entities at once (such as a batch): one per
   * property, sharing an operation id, with no single entity named.
   *
   * @param newId supplies the ids: the operation's first, then one per entry
   */
  public static List<UserOperationLogEntry> ofOperation(
      Supplier<String> newId,
      String userId,
      Instant timestamp,
      String operationType,
      String entityType,
      Map<String, String> properties) {
    List<PropertyChange> changes = new ArrayList<>();
    properties.forEach((property, value) -> changes.add(new PropertyChange(property, null, value)));
    return ofOperation(
        newId,
        builder()
            .userId(userId)
            .timestamp(timestamp)
            .operationType(operationType)
            .entityType(entityType)
            .category(CATEGORY_OPERATOR),
        changes);
  }

  /**
   * The entries of one operation: one per changed property, sharing an operation id and the
   * columns {@code common} names (user, time, type, entity, category).
   *
   * @param newId supplies the ids: the operation's first, then one per entry
   */
  public static List<UserOperationLogEntry> ofOperation(
      Supplier<String> newId, Builder common, List<PropertyChange> changes) {
    common.operationId(newId.get());
    List<UserOperationLogEntry> entries = new ArrayList<>();
    for (PropertyChange change : changes) {
      entries.add(
          common
              .id(newId.get())
              .property(change.property())
              .orgValue(change.orgValue())
              .newValue(change.newValue())
              .build());
    }
    return entries;
  }

  /** This entry with another removal time. */
  UserOperationLogEntry withRemovalTime(Instant removal) {
    return new UserOperationLogEntry(
        id, operationId, deploymentId, processDefinitionId, processDefinitionKey,
        processInstanceId, executionId, jobId, jobDefinitionId, batchId, userId, timestamp,
        operationType, entityType, property, orgValue, newValue, category, tenantId, annotation,
        removal, taskId);
  }

  /** Builds an entry by naming its columns; unnamed ones stay null. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UserOperationLogEntry} by naming its columns. */
  public static final class Builder {
    private String id;
    private String operationId;
    private String deploymentId;
    private String processDefinitionId;
    private String processDefinitionKey;
    private String processInstanceId;
    private String executionId;
    private String jobId;
    private String jobDefinitionId;
    private String batchId;
    private String userId;
    private Instant timestamp;
    private String operationType;
    private String entityType;
    private String property;
    private String orgValue;
    private String newValue;
    private String category;
    private String tenantId;
    private String annotation;
    private Instant removalTime;
    private String taskId;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder operationId(String operationId) {
      this.operationId = operationId;
      return this;
    }

    public Builder deploymentId(String deploymentId) {
      this.deploymentId = deploymentId;
      return this;
    }

    public Builder processDefinitionId(String processDefinitionId) {
      this.processDefinitionId = processDefinitionId;
      return this;
    }

    public Builder processDefinitionKey(String processDefinitionKey) {
      this.processDefinitionKey = processDefinitionKey;
      return this;
    }

    public Builder processInstanceId(String processInstanceId) {
      this.processInstanceId = processInstanceId;
      return this;
    }

    public Builder executionId(String executionId) {
      this.executionId = executionId;
      return this;
    }

    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    public Builder jobDefinitionId(String jobDefinitionId) {
      this.jobDefinitionId = jobDefinitionId;
      return this;
    }

    public Builder batchId(String batchId) {
      this.batchId = batchId;
      return this;
    }

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    public Builder operationType(String operationType) {
      this.operationType = operationType;
      return this;
    }

    public Builder entityType(String entityType) {
      this.entityType = entityType;
      return this;
    }

    public Builder property(String property) {
      this.property = property;
      return this;
    }

    public Builder orgValue(String orgValue) {
      this.orgValue = orgValue;
      return this;
    }

    public Builder newValue(String newValue) {
      this.newValue = newValue;
      return this;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
    }

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder annotation(String annotation) {
      this.annotation = annotation;
      return this;
    }

    public Builder removalTime(Instant removalTime) {
      this.removalTime = removalTime;
      return this;
    }

    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    public UserOperationLogEntry build() {
      return new UserOperationLogEntry(
          id,
          operationId,
          deploymentId,
          processDefinitionId,
          processDefinitionKey,
          processInstanceId,
          executionId,
          jobId,
          jobDefinitionId,
          batchId,
          userId,
          timestamp,
          operationType,
          entityType,
          property,
          orgValue,
          newValue,
          category,
          tenantId,
          annotation,
          removalTime,
          taskId);
    }
  }
}
