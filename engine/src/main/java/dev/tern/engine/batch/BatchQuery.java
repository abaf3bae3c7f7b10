package dev.tern.engine.batch;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/**
 * Selects runtime batches (and their statistics) with Camunda's filters; {@code createdBy},
 * {@code startedBefore/After} and the failure filters are statistics filters in Camunda.
 */
public final class BatchQuery extends TypedQuery<BatchQuery> {

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
          .sortable("batchId", "tenantId")
          .build();

  public BatchQuery() {
    super(DEFINITION);
  }

  /** Every batch. */
  public static BatchQuery all() {
    return new BatchQuery();
  }
}
