package dev.tern.engine.history;

import static dev.tern.engine.persistence.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for {@code tern_hi_op_log}. Every method runs in the caller's transaction. */
final class UserOperationLogStore implements OperationLog {

  static final String COLUMNS =
      "id, operation_id, deployment_id, proc_def_id, proc_def_key, process_instance_id,"
          + " execution_id, job_id, job_definition_id, batch_id, user_id, log_time,"
          + " operation_type, entity_type, property, org_value, new_value, category, tenant_id,"
          + " annotation, removal_time";

  @Override
  public void insert(Handle handle, List<UserOperationLogEntry> entries) {
    var batch =
        handle.prepareBatch(
            "INSERT INTO tern_hi_op_log ("
                + COLUMNS
                + ") VALUES (:id, :operationId, :deploymentId, :processDefinitionId,"
                + " :processDefinitionKey, :processInstanceId, :executionId, :jobId,"
                + " :jobDefinitionId, :batchId, :userId, :timestamp, :operationType, :entityType,"
                + " :property, :orgValue, :newValue, :category, :tenantId, :annotation,"
                + " :removalTime)");
    entries.forEach(entry -> batch.bindMethods(entry).add());
    batch.execute();
  }

  static UserOperationLogEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
    return UserOperationLogEntry.builder()
        .id(rs.getString("id"))
        .operationId(rs.getString("operation_id"))
        .deploymentId(rs.getString("deployment_id"))
        .processDefinitionId(rs.getString("proc_def_id"))
        .processDefinitionKey(rs.getString("proc_def_key"))
        .processInstanceId(rs.getString("process_instance_id"))
        .executionId(rs.getString("execution_id"))
        .jobId(rs.getString("job_id"))
        .jobDefinitionId(rs.getString("job_definition_id"))
        .batchId(rs.getString("batch_id"))
        .userId(rs.getString("user_id"))
        .timestamp(instant(rs, "log_time"))
        .operationType(rs.getString("operation_type"))
        .entityType(rs.getString("entity_type"))
        .property(rs.getString("property"))
        .orgValue(rs.getString("org_value"))
        .newValue(rs.getString("new_value"))
        .category(rs.getString("category"))
        .tenantId(rs.getString("tenant_id"))
        .annotation(rs.getString("annotation"))
        .removalTime(instant(rs, "removal_time"))
        .build();
  }
}
