package dev.tern.engine.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_hi_op_log}. Every method runs in the caller's transaction. */
public final class UserOperationLogStore {

  private static final String COLUMNS =
      "id, operation_id, deployment_id, proc_def_id, proc_def_key, process_instance_id,"
          + " execution_id, job_id, job_definition_id, batch_id, user_id, log_time,"
          + " operation_type, entity_type, property, org_value, new_value, category, tenant_id,"
          + " annotation, removal_time";

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

  // no filter of this query depends on the current time, hence no "now"
  public List<UserOperationLogEntry> list(
      Handle handle, UserOperationLogQuery query, int firstResult, int maxResults) {
    return query
        .filters()
        .list(handle, COLUMNS, (rs, ctx) -> row(rs), null, firstResult, maxResults);
  }

  public long count(Handle handle, UserOperationLogQuery query) {
    return query.filters().count(handle, null);
  }

  private static UserOperationLogEntry row(ResultSet rs) throws SQLException {
    return new UserOperationLogEntry(
        rs.getString("id"),
        rs.getString("operation_id"),
        rs.getString("deployment_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("process_instance_id"),
        rs.getString("execution_id"),
        rs.getString("job_id"),
        rs.getString("job_definition_id"),
        rs.getString("batch_id"),
        rs.getString("user_id"),
        instant(rs, "log_time"),
        rs.getString("operation_type"),
        rs.getString("entity_type"),
        rs.getString("property"),
        rs.getString("org_value"),
        rs.getString("new_value"),
        rs.getString("category"),
        rs.getString("tenant_id"),
        rs.getString("annotation"),
        instant(rs, "removal_time"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
