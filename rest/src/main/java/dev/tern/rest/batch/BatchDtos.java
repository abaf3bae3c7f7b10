package dev.tern.rest.batch;

import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchStatistics;
import dev.tern.engine.history.HistoricBatch;
import dev.tern.engine.history.UserOperationLogEntry;
import java.time.Instant;

/** The JSON shapes of batches, historic batches and user operation log entries (Camunda's). */
public final class BatchDtos {

  private BatchDtos() {}

  public record BatchDto(
      String id,
      String type,
      int totalJobs,
      int jobsCreated,
      int batchJobsPerSeed,
      int invocationsPerBatchJob,
      String seedJobDefinitionId,
      String monitorJobDefinitionId,
      String batchJobDefinitionId,
      boolean suspended,
      String tenantId,
      String createUserId,
      Instant startTime,
      Instant executionStartTime) {

    public static BatchDto of(Batch b) {
      return new BatchDto(
          b.id(),
          b.type(),
          b.totalJobs(),
          b.jobsCreated(),
          b.batchJobsPerSeed(),
          b.invocationsPerBatchJob(),
          b.seedJobDefinitionId(),
          b.monitorJobDefinitionId(),
          b.batchJobDefinitionId(),
          b.suspended(),
          b.tenantId(),
          b.createUserId(),
          b.startTime(),
          b.executionStartTime());
    }
  }

  record BatchStatisticsDto(
      String id,
      String type,
      int totalJobs,
      int jobsCreated,
      int batchJobsPerSeed,
      int invocationsPerBatchJob,
      String seedJobDefinitionId,
      String monitorJobDefinitionId,
      String batchJobDefinitionId,
      boolean suspended,
      String tenantId,
      String createUserId,
      Instant startTime,
      Instant executionStartTime,
      int remainingJobs,
      int completedJobs,
      int failedJobs) {

    static BatchStatisticsDto of(BatchStatistics s) {
      Batch b = s.batch();
      return new BatchStatisticsDto(
          b.id(),
          b.type(),
          b.totalJobs(),
          b.jobsCreated(),
          b.batchJobsPerSeed(),
          b.invocationsPerBatchJob(),
          b.seedJobDefinitionId(),
          b.monitorJobDefinitionId(),
          b.batchJobDefinitionId(),
          b.suspended(),
          b.tenantId(),
          b.createUserId(),
          b.startTime(),
          b.executionStartTime(),
          s.remainingJobs(),
          s.completedJobs(),
          s.failedJobs());
    }
  }

  record HistoricBatchDto(
      String id,
      String type,
      int totalJobs,
      int batchJobsPerSeed,
      int invocationsPerBatchJob,
      String seedJobDefinitionId,
      String monitorJobDefinitionId,
      String batchJobDefinitionId,
      String tenantId,
      String createUserId,
      Instant startTime,
      Instant executionStartTime,
      Instant endTime,
      Instant removalTime) {

    static HistoricBatchDto of(HistoricBatch b) {
      return new HistoricBatchDto(
          b.id(),
          b.type(),
          b.totalJobs(),
          b.batchJobsPerSeed(),
          b.invocationsPerBatchJob(),
          b.seedJobDefinitionId(),
          b.monitorJobDefinitionId(),
          b.batchJobDefinitionId(),
          b.tenantId(),
          b.createUserId(),
          b.startTime(),
          b.executionStartTime(),
          b.endTime(),
          b.removalTime());
    }
  }

  record UserOperationLogEntryDto(
      String id,
      String userId,
      Instant timestamp,
      String operationId,
      String operationType,
      String entityType,
      String category,
      String annotation,
      String property,
      String orgValue,
      String newValue,
      String deploymentId,
      String processDefinitionId,
      String processDefinitionKey,
      String processInstanceId,
      String executionId,
      String caseDefinitionId,
      String caseInstanceId,
      String caseExecutionId,
      String taskId,
      String externalTaskId,
      String batchId,
      String jobId,
      String jobDefinitionId,
      Instant removalTime,
      String rootProcessInstanceId) {

    static UserOperationLogEntryDto of(UserOperationLogEntry e) {
      return new UserOperationLogEntryDto(
          e.id(),
          e.userId(),
          e.timestamp(),
          e.operationId(),
          e.operationType(),
          e.entityType(),
          e.category(),
          e.annotation(),
          e.property(),
          e.orgValue(),
          e.newValue(),
          e.deploymentId(),
          e.processDefinitionId(),
          e.processDefinitionKey(),
          e.processInstanceId(),
          e.executionId(),
          null,
          null,
          null,
          e.taskId(),
          null,
          e.batchId(),
          e.jobId(),
          e.jobDefinitionId(),
          e.removalTime(),
          null);
    }
  }
}
