package dev.tern.engine.history;

import dev.tern.engine.query.Binds;
import dev.tern.engine.query.OrderBy;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.Sorting;
import dev.tern.engine.query.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
    Predicates where = conditions(query);
    List<Sorting> sorting =
        query.timestampAscending() == null
            ? List.of()
            : List.of(new Sorting("timestamp", query.timestampAscending()));
    SqlFragment select =
        where.fragment(
            "SELECT "
                + COLUMNS
                + " FROM tern_hi_op_log"
                + where.where()
                + OrderBy.render(sorting, Map.of("timestamp", "log_time"), "id", "log_time ASC, id ASC")
                + OrderBy.page(new Page(firstResult, maxResults)));
    return select.bindTo(handle.createQuery(select.sql())).map((rs, ctx) -> row(rs)).list();
  }

  public long count(Handle handle, UserOperationLogQuery query) {
    Predicates where = conditions(query);
    SqlFragment count = where.fragment("SELECT COUNT(*) FROM tern_hi_op_log" + where.where());
    return count.bindTo(handle.createQuery(count.sql())).mapTo(Long.class).one();
  }

  private static Predicates conditions(UserOperationLogQuery q) {
    return new Predicates(new Binds("ol"))
        .addIf(q.unsupportedFilterSet(), Predicates.NOTHING)
        .eq("deployment_id", q.deploymentId())
        .eq("proc_def_id", q.processDefinitionId())
        .eq("proc_def_key", q.processDefinitionKey())
        .eq("process_instance_id", q.processInstanceId())
        .eq("execution_id", q.executionId())
        .eq("batch_id", q.batchId())
        .eq("job_id", q.jobId())
        .eq("job_definition_id", q.jobDefinitionId())
        .eq("user_id", q.userId())
        .eq("operation_id", q.operationId())
        .eq("operation_type", q.operationType())
        .eq("entity_type", q.entityType())
        .in("entity_type", q.entityTypeIn())
        .eq("category", q.category())
        .in("category", q.categoryIn())
        .eq("property", q.property())
        .compare("log_time", ">", q.afterTimestamp())
        .compare("log_time", "<", q.beforeTimestamp());
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
