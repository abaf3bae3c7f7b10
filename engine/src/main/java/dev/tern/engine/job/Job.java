package dev.tern.engine.job;

import java.time.Instant;

/**
 * A row of {@code tern_job}: a unit of work the job executor runs in its own transaction.
 *
 * @param kind {@code message} or {@code timer}
 * @param handlerType names the {@link JobHandler} that runs the job
 * @param handlerConfig handler-specific settings (e.g. {@code async-before}, a batch chunk)
 */
public record Job(
    String id,
    int rev,
    String kind,
    String handlerType,
    String handlerConfig,
    String jobDefinitionId,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String deploymentId,
    String tenantId,
    int retries,
    Instant dueDate,
    Instant createTime,
    String lockOwner,
    Instant lockExpirationTime,
    boolean exclusive,
    boolean suspended,
    long priority,
    String exceptionMessage,
    String failedActivityId,
    String batchId,
    long sequenceCounter) {

  public static final String MESSAGE = "message";
  public static final String TIMER = "timer";

  /**
   * A new job: revision 1, sequence counter 1, a {@link #MESSAGE} job unless told otherwise; every
   * other column is null, zero or false until set.
   */
  public static Builder builder() {
    return new Builder().rev(1).sequenceCounter(1).kind(MESSAGE);
  }

  /** A builder holding this job's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.rev = rev;
    b.kind = kind;
    b.handlerType = handlerType;
    b.handlerConfig = handlerConfig;
    b.jobDefinitionId = jobDefinitionId;
    b.processInstanceId = processInstanceId;
    b.executionId = executionId;
    b.processDefinitionId = processDefinitionId;
    b.processDefinitionKey = processDefinitionKey;
    b.activityId = activityId;
    b.deploymentId = deploymentId;
    b.tenantId = tenantId;
    b.retries = retries;
    b.dueDate = dueDate;
    b.createTime = createTime;
    b.lockOwner = lockOwner;
    b.lockExpirationTime = lockExpirationTime;
    b.exclusive = exclusive;
    b.suspended = suspended;
    b.priority = priority;
    b.exceptionMessage = exceptionMessage;
    b.failedActivityId = failedActivityId;
    b.batchId = batchId;
    b.sequenceCounter = sequenceCounter;
    return b;
  }

  /** Builds a {@link Job} by naming its columns; see {@link #builder()}. */
  public static final class Builder {
    private String id;
    private int rev;
    private String kind;
    private String handlerType;
    private String handlerConfig;
    private String jobDefinitionId;
    private String processInstanceId;
    private String executionId;
    private String processDefinitionId;
    private String processDefinitionKey;
    private String activityId;
    private String deploymentId;
    private String tenantId;
    private int retries;
    private Instant dueDate;
    private Instant createTime;
    private String lockOwner;
    private Instant lockExpirationTime;
    private boolean exclusive;
    private boolean suspended;
    private long priority;
    private String exceptionMessage;
    private String failedActivityId;
    private String batchId;
    private long sequenceCounter;

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder rev(int rev) {
      this.rev = rev;
      return this;
    }

    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    public Builder handlerType(String handlerType) {
      this.handlerType = handlerType;
      return this;
    }

    public Builder handlerConfig(String handlerConfig) {
      this.handlerConfig = handlerConfig;
      return this;
    }

    public Builder jobDefinitionId(String jobDefinitionId) {
      this.jobDefinitionId = jobDefinitionId;
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

    public Builder processDefinitionId(String processDefinitionId) {
      this.processDefinitionId = processDefinitionId;
      return this;
    }

    public Builder processDefinitionKey(String processDefinitionKey) {
      this.processDefinitionKey = processDefinitionKey;
      return this;
    }

    public Builder activityId(String activityId) {
      this.activityId = activityId;
      return this;
    }

    public Builder deploymentId(String deploymentId) {
      this.deploymentId = deploymentId;
      return this;
    }

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder dueDate(Instant dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    public Builder createTime(Instant createTime) {
      this.createTime = createTime;
      return this;
    }

    public Builder lockOwner(String lockOwner) {
      this.lockOwner = lockOwner;
      return this;
    }

    public Builder lockExpirationTime(Instant lockExpirationTime) {
      this.lockExpirationTime = lockExpirationTime;
      return this;
    }

    public Builder exclusive(boolean exclusive) {
      this.exclusive = exclusive;
      return this;
    }

    public Builder suspended(boolean suspended) {
      this.suspended = suspended;
      return this;
    }

    public Builder priority(long priority) {
      this.priority = priority;
      return this;
    }

    public Builder exceptionMessage(String exceptionMessage) {
      this.exceptionMessage = exceptionMessage;
      return this;
    }

    public Builder failedActivityId(String failedActivityId) {
      this.failedActivityId = failedActivityId;
      return this;
    }

    public Builder batchId(String batchId) {
      this.batchId = batchId;
      return this;
    }

    public Builder sequenceCounter(long sequenceCounter) {
      this.sequenceCounter = sequenceCounter;
      return this;
    }

    public Job build() {
      return new Job(
          id,
          rev,
          kind,
          handlerType,
          handlerConfig,
          jobDefinitionId,
          processInstanceId,
          executionId,
          processDefinitionId,
          processDefinitionKey,
          activityId,
          deploymentId,
          tenantId,
          retries,
          dueDate,
          createTime,
          lockOwner,
          lockExpirationTime,
          exclusive,
          suspended,
          priority,
          exceptionMessage,
          failedActivityId,
          batchId,
          sequenceCounter);
    }
  }
}
