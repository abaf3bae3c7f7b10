package dev.tern.engine.task;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/** A selection of the identity link log, with Camunda 7.24's filters. */
public final class HistoricIdentityLinkLogQuery extends DeclaredQuery<HistoricIdentityLinkLogQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_identity_link il", "il.id")
          .equal("type", "il.link_type")
          .equalColumns("userId", "groupId")
          .dateRange("date", "il.log_time", false)
          .equalColumns(
              "taskId", "processDefinitionId", "processDefinitionKey", "operationType",
              "assignerId")
          .tenants("il.tenant_id")
          .sort("time", "il.log_time")
          .sort("type", "il.link_type")
          .sort("userId", "il.user_id")
          .sort("groupId", "il.group_id")
          .sort("taskId", "il.task_id")
          .sort("processDefinitionId", "il.proc_def_id")
          .sort("processDefinitionKey", "il.proc_def_key")
          .sort("operationType", "il.operation_type")
          .sort("assignerId", "il.assigner_id")
          .sort("tenantId", "il.tenant_id")
          .build();

  public HistoricIdentityLinkLogQuery() {
    this(new FilterQuery(DEFINITION));
  }

  HistoricIdentityLinkLogQuery(FilterQuery filters) {
    super(filters, "hlq");
  }
}
