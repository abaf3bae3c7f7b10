package dev.tern.engine.history;

import dev.tern.engine.batch.SqlConditions;
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

  public List<UserOperationLogEntry> list(
      Handle handle, UserOperationLogQuery query, int firstResult, int maxResults) {
    SqlConditions where = conditions(query);
    String order =
        query.timestampAscending() == null
            ? "log_time ASC, id ASC"
            : (query.timestampAscending() ? "log_time ASC, id ASC" : "log_time DESC, id ASC");
    return where
        .bind(
            handle.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM tern_hi_op_log"
                    + where.where()
                    + " ORDER BY "
                    + order
                    + " OFFSET :firstResult ROWS FETCH NEXT :maxResults ROWS ONLY"))
        .bind("firstResult", firstResult)
        .bind("maxResults", maxResults)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  public long count(Handle handle, UserOperationLogQuery query) {
    SqlConditions where = conditions(query);
    return where
        .bind(handle.createQuery("SELECT COUNT(*) FROM tern_hi_op_log" + where.where()))
        .mapTo(Long.class)
        .one();
  }

  private static SqlConditions conditions(UserOperationLogQuery q) {
    return new SqlConditions()
        .addIf(q.unsupportedFilterSet(), "1 = 0")
        .add("deployment_id = :deploymentId", "deploymentId", q.deploymentId())
        .add("proc_def_id = :processDefinitionId", "processDefinitionId", q.processDefinitionId())
        .add("proc_def_key = :processDefinitionKey", "processDefinitionKey", q.processDefinitionKey())
        .add("process_instance_id = :processInstanceId", "processInstanceId", q.processInstanceId())
        .add("execution_id = :executionId", "executionId", q.executionId())
        .add("batch_id = :batchId", "batchId", q.batchId())
        .add("job_id = :jobId", "jobId", q.jobId())
        .add("job_definition_id = :jobDefinitionId", "jobDefinitionId", q.jobDefinitionId())
        .add("user_id = :userId", "userId", q.userId())
        .add("operation_id = :operationId", "operationId", q.operationId())
        .add("operation_type = :operationType", "operationType", q.operationType())
        .add("entity_type = :entityType", "entityType", q.entityType())
        .anyOf("entity_type", "entityTypeIn", q.entityTypeIn())
        .add("category = :category", "category", q.category())
        .anyOf("category", "categoryIn", q.categoryIn())
        .add("property = :property", "property", q.property())
        .add("log_time > :afterTimestamp", "afterTimestamp", q.afterTimestamp())
        .add("log_time < :beforeTimestamp", "beforeTimestamp", q.beforeTimestamp());
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
