package dev.tern.engine.history;

import java.util.List;

/** Filters for historic batches; null means "any". */
public record HistoricBatchQuery(
    String batchId,
    String type,
    Boolean completed,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    Sort sort) {

  /** Sort criteria Camunda offers for historic batches. */
  public enum SortField {
    BATCH_ID("id"),
    START_TIME("start_time"),
    END_TIME("end_time"),
    TENANT_ID("tenant_id");

    final String column;

    SortField(String column) {
      this.column = column;
    }
  }

  /** A sort criterion and direction. */
  public record Sort(SortField field, boolean ascending) {}

  public static HistoricBatchQuery all() {
    return new HistoricBatchQuery(null, null, null, null, false, null);
  }
}
