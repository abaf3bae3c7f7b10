package dev.tern.engine.batch;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/**
 * Selects runtime batches (and their statistics) with Camunda's filters; {@code createdBy},
 * {@code startedBefore/After} and the failure filters are statistics filters in Camunda.
 */
public final class BatchQuery {

  private static final String HAS_FAILED_JOB =
      "EXISTS (SELECT 1 FROM tern_job j WHERE j.job_definition_id = b.batch_job_def_id"
          + " AND j.retries = 0)";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_batch b", "b.id")
          .equal("batchId", "b.id")
          .equal("type", "b.batch_type")
          .tenants("b.tenant_id")
          .filter("suspended", Type.BOOLEAN, (w, v, c) -> w.eq("b.suspended", v))
          .equal("createdBy", "b.create_user_id")
          .dateRange("started", "b.start_time", false)
          .flag("withFailures", HAS_FAILED_JOB)
          .flag("withoutFailures", "NOT " + HAS_FAILED_JOB)
          .sort("batchId", "b.id")
          .sort("tenantId", "b.tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  /** Every batch. */
  public static BatchQuery all() {
    return new BatchQuery();
  }

  /** The generic filter values: set any of Camunda's batch filters by name. */
  public FilterQuery filters() {
    return filters;
  }

  public BatchQuery withBatchId(String id) {
    filters.set("batchId", id);
    return this;
  }
}
