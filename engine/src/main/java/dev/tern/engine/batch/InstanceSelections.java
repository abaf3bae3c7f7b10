package dev.tern.engine.batch;

import dev.tern.engine.job.QuerySql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Process instance selections for batches, as sub-selects of instance ids: a stand-in with the
 * common filters until the process instance queries ({@code ProcessInstanceQuery.idsSql}) are
 * available to batches; replace its callers then.
 *
 * @param processInstanceIds ids (null: any)
 * @param processDefinitionId null: any
 * @param processDefinitionKey null: any
 * @param businessKey null: any
 * @param suspended true: suspended only, false: active only (runtime); null: any
 * @param finished true: finished only, false: unfinished only (history); null: any
 */
public record InstanceSelections(
    List<String> processInstanceIds,
    String processDefinitionId,
    String processDefinitionKey,
    String businessKey,
    Boolean suspended,
    Boolean finished) {

  /** Runtime process instances ({@code tern_process_instance}) matching every given filter. */
  public QuerySql runtimeIds() {
    SqlConditions where =
        new SqlConditions()
            .anyOf("pi.id", "isPiIds", processInstanceIds)
            .add("pi.proc_def_id = :isDefId", "isDefId", processDefinitionId)
            .add("pi.proc_def_key = :isDefKey", "isDefKey", processDefinitionKey)
            .add("pi.business_key = :isBusinessKey", "isBusinessKey", businessKey)
            .add("pi.suspended = :isSuspended", "isSuspended", suspended);
    return new QuerySql("SELECT pi.id FROM tern_process_instance pi" + where.where(), binds(where));
  }

  /** Historic process instances ({@code tern_hi_process_instance}) matching every given filter. */
  public QuerySql historicIds() {
    SqlConditions where =
        new SqlConditions()
            .anyOf("hpi.id", "isPiIds", processInstanceIds)
            .add("hpi.proc_def_id = :isDefId", "isDefId", processDefinitionId)
            .add("hpi.proc_def_key = :isDefKey", "isDefKey", processDefinitionKey)
            .add("hpi.business_key = :isBusinessKey", "isBusinessKey", businessKey)
            .addIf(Boolean.TRUE.equals(finished), "hpi.end_time IS NOT NULL")
            .addIf(Boolean.FALSE.equals(finished), "hpi.end_time IS NULL");
    return new QuerySql(
        "SELECT hpi.id FROM tern_hi_process_instance hpi" + where.where(), binds(where));
  }

  private static Map<String, Object> binds(SqlConditions where) {
    Map<String, Object> binds = new HashMap<>();
    where.forEachBind(binds::put);
    return binds;
  }
}
