package dev.tern.engine.job;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;
import java.util.List;

/** Selects job definitions with Camunda's {@code JobDefinitionQueryDto} filters. */
public final class JobDefinitionQuery extends TypedQuery<JobDefinitionQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_job_definition d", "d.id")
          .equal("jobDefinitionId", "d.id")
          .anyOf("activityIdIn", "d.activity_id")
          .equalColumns(
              "processDefinitionId", "processDefinitionKey", "jobType", "jobConfiguration")
          .flag("active", "d.suspended = FALSE")
          .flag("suspended", "d.suspended = TRUE")
          .flag("withOverridingJobPriority", "d.overriding_priority IS NOT NULL")
          .tenants("d.tenant_id", "includeJobDefinitionsWithoutTenantId")
          .sortable(
              "jobDefinitionId", "activityId", "processDefinitionId", "processDefinitionKey",
              "jobType", "jobConfiguration", "tenantId")
          .build();

  public JobDefinitionQuery() {
    super(DEFINITION);
  }
}
