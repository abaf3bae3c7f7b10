package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/** Selects historic batches with the filters of Camunda's {@code GET /history/batch}. */
public final class HistoricBatchQuery extends TypedQuery<HistoricBatchQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_batch", "id")
          .equal("batchId", "id")
          .equal("type", "batch_type")
          .filter(
              "completed",
              Type.BOOLEAN,
              (w, v, c) -> w.add(Boolean.TRUE.equals(v) ? "end_time IS NOT NULL" : "end_time IS NULL"))
          .tenants("tenant_id")
          .sortable("batchId", "tenantId")
          .sort("startTime", "start_time")
          .sort("endTime", "end_time")
          .build();

  public HistoricBatchQuery() {
    super(DEFINITION);
  }
}
