package dev.tern.engine.job;

import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_job}. Every method runs in the caller's transaction. */
public final class JobStore {

  private static final String INSERT =
      """
      INSERT INTO tern_job (id, rev, job_kind, handler_type, handler_config, job_definition_id,
        process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id, deployment_id,
        tenant_id, retries, due_date, create_time, lock_owner, lock_expiration_time, is_exclusive,
        suspended, priority, exception_message, failed_activity_id, batch_id, sequence_counter)
      VALUES (:id, :rev, :kind, :handlerType, :handlerConfig, :jobDefinitionId,
        :processInstanceId, :executionId, :processDefinitionId, :processDefinitionKey, :activityId,
        :deploymentId, :tenantId, :retries, :dueDate, :createTime, :lockOwner, :lockExpirationTime,
        :exclusive, :suspended, :priority, :exceptionMessage, :failedActivityId, :batchId,
        :sequenceCounter)
      """;

  public void insert(Handle handle, Job job) {
    handle.createUpdate(INSERT).bindMethods(job).execute();
  }
}
