package dev.tern.engine.job;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import java.util.List;

/** Selects job definitions with Camunda's {@code JobDefinitionQueryDto} filters. */
public final class JobDefinitionQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_job_definition d", "d.id")
          .equal("jobDefinitionId", "d.id")
          .anyOf("activityIdIn", "d.activity_id")
          .equal("processDefinitionId", "d.proc_def_id")
          .equal("processDefinitionKey", "d.proc_def_key")
          .equal("jobType", "d.job_type")
          .equal("jobConfiguration", "d.job_configuration")
          .flag("active", "d.suspended = FALSE")
          .flag("suspended", "d.suspended = TRUE")
          .flag("withOverridingJobPriority", "d.overriding_priority IS NOT NULL")
          .tenantIn("tenantIdIn", "d.tenant_id", "includeJobDefinitionsWithoutTenantId")
          .flag("withoutTenantId", "d.tenant_id IS NULL")
          .sort("jobDefinitionId", "d.id")
          .sort("activityId", "d.activity_id")
          .sort("processDefinitionId", "d.proc_def_id")
          .sort("processDefinitionKey", "d.proc_def_key")
          .sort("jobType", "d.job_type")
          .sort("jobConfiguration", "d.job_configuration")
          .sort("tenantId", "d.tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }

  public JobDefinitionQuery processDefinitionId(String id) {
    filters.set("processDefinitionId", id);
    return this;
  }

  public JobDefinitionQuery activityIdIn(List<String> activityIds) {
    filters.set("activityIdIn", activityIds);
    return this;
  }
}
