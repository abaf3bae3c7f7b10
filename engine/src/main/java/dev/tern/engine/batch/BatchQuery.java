package dev.tern.engine.batch;

import java.time.Instant;
import java.util.List;

/**
 * Filters for runtime batches and their statistics; null means "any". {@code createdBy},
 * {@code startedBefore/After} and the failure filters are statistics filters in Camunda.
 */
public record BatchQuery(
    String batchId,
    String type,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    Boolean suspended,
    String createdBy,
    Instant startedBefore,
    Instant startedAfter,
    boolean withFailures,
    boolean withoutFailures,
    Sort sort) {

  /** Sort criteria Camunda offers for batches. */
  public enum SortField {
    BATCH_ID("b.id"),
    TENANT_ID("b.tenant_id");

    final String column;

    SortField(String column) {
      this.column = column;
    }
  }

  /** A sort criterion and direction. */
  public record Sort(SortField field, boolean ascending) {}

  public static BatchQuery all() {
    return new BatchQuery(null, null, null, false, null, null, null, null, false, false, null);
  }

  public BatchQuery withBatchId(String id) {
    return new BatchQuery(
        id,
        type,
        tenantIdIn,
        withoutTenantId,
        suspended,
        createdBy,
        startedBefore,
        startedAfter,
        withFailures,
        withoutFailures,
        sort);
  }
}
