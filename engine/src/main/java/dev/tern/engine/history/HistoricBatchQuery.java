package dev.tern.engine.history;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects historic batches with the filters of Camunda's {@code GET /history/batch}. */
public final class HistoricBatchQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_batch", "id")
          .equal("batchId", "id")
          .equal("type", "batch_type")
          .filter(
              "completed",
              Type.BOOLEAN,
              (w, v, c) -> w.add(Boolean.TRUE.equals(v) ? "end_time IS NOT NULL" : "end_time IS NULL"))
          .tenants("tenant_id")
          .sort("batchId", "id")
          .sort("startTime", "start_time")
          .sort("endTime", "end_time")
          .sort("tenantId", "tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  /** The generic filter values: set any of Camunda's historic batch filters by name. */
  public FilterQuery filters() {
    return filters;
  }

  public HistoricBatchQuery batchId(String id) {
    filters.set("batchId", id);
    return this;
  }
}
