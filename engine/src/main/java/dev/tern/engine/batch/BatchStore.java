package dev.tern.engine.batch;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.query.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code tern_batch} and {@code tern_batch_chunk}. The batch's jobs and job definitions are
 * written by their own stores. Every method runs in the caller's transaction.
 */
final class BatchStore {

  private static final String COLUMNS =
      "b.id, b.batch_type, b.total_jobs, b.jobs_created, b.batch_jobs_per_seed,"
          + " b.invocations_per_batch_job, b.seed_job_def_id, b.monitor_job_def_id,"
          + " b.batch_job_def_id, b.configuration, b.tenant_id, b.create_user_id, b.suspended,"
          + " b.start_time, b.exec_start_time, b.total_items, b.items_done";

  /** Batch jobs of a batch that exist (done ones are deleted) and those of them without retries. */
  private static final String JOB_COUNTS =
      "(SELECT COUNT(*) FROM tern_job j WHERE j.job_definition_id = b.batch_job_def_id) AS open_jobs,"
          + " (SELECT COUNT(*) FROM tern_job j WHERE j.job_definition_id = b.batch_job_def_id"
          + " AND j.retries = 0) AS failed_jobs";

  /**
   * Snapshots a selection of item ids, numbered 0..n-1 in id order, as chunks of {@code chunkSize}
   * items (one row each, keyed by the number of its first item), with one statement: a row per
   * chunk, not per item, so creation writes 50 rows and index entries for 100,000 items. Id order
   * keeps a chunk's rows close together in the selected table's key index.
   *
   * @param selection a SELECT returning one column of ids (duplicates are removed)
   * @return the number of items
   */
  long insertItems(Handle handle, String batchId, IdSelection selection, int chunkSize) {
    SqlFragment insert =
        selection
            .distinctIds()
            .wrap(
                "INSERT INTO tern_batch_chunk (batch_id, seq, item_count, item_ids)"
                    + " SELECT :batchId, n.seq, COUNT(*), ARRAY_AGG(n.id) FROM"
                    + " (SELECT (ROW_NUMBER() OVER (ORDER BY s.id) - 1) / :size * :size AS seq,"
                    + " s.id FROM (",
                ") s) n GROUP BY n.seq");
    insert
        .bindTo(handle.createUpdate(insert.sql()))
        .bind("batchId", batchId)
        .bind("size", (long) chunkSize)
        .execute();
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(item_count), 0) FROM tern_batch_chunk WHERE batch_id = :id")
        .bind("id", batchId)
        .mapTo(Long.class)
        .one();
  }

  /** Whether the selection names at least one existing row (read only). */
  boolean anyItem(Handle handle, IdSelection selection) {
    SqlFragment exists =
        selection
            .sql()
            .wrap(
                "SELECT EXISTS (SELECT 1 FROM " + selection.table() + " s WHERE s.id IN (", "))");
    return exists.bindTo(handle.createQuery(exists.sql())).mapTo(Boolean.class).one();
  }

  void insert(Handle handle, BatchRow row) {
    // bound one by one: bindMethods finds each accessor reflectively at every insert
    Batch b = row.batch();
    handle
        .createUpdate(
            "INSERT INTO tern_batch (id, rev, batch_type, total_jobs, jobs_created,"
                + " batch_jobs_per_seed, invocations_per_batch_job, seed_job_def_id,"
                + " monitor_job_def_id, batch_job_def_id, configuration, tenant_id, create_user_id,"
                + " suspended, start_time, exec_start_time, items_done, total_items)"
                + " VALUES (:id, 1, :type, :totalJobs, :jobsCreated, :batchJobsPerSeed,"
                + " :invocationsPerBatchJob, :seedJobDefinitionId, :monitorJobDefinitionId,"
                + " :batchJobDefinitionId, :configuration, :tenantId, :createUserId, :suspended,"
                + " :startTime, :executionStartTime, 0, :totalItems)")
        .bind("id", b.id())
        .bind("type", b.type())
        .bind("totalJobs", b.totalJobs())
        .bind("jobsCreated", b.jobsCreated())
        .bind("batchJobsPerSeed", b.batchJobsPerSeed())
        .bind("invocationsPerBatchJob", b.invocationsPerBatchJob())
        .bind("seedJobDefinitionId", b.seedJobDefinitionId())
        .bind("monitorJobDefinitionId", b.monitorJobDefinitionId())
        .bind("batchJobDefinitionId", b.batchJobDefinitionId())
        .bind("tenantId", b.tenantId())
        .bind("createUserId", b.createUserId())
        .bind("suspended", b.suspended())
        .bindByType("startTime", b.startTime(), Instant.class)
        .bindByType("executionStartTime", b.executionStartTime(), Instant.class)
        .bind("configuration", row.configuration())
        .bind("totalItems", row.totalItems())
        .execute();
  }

  Optional<BatchRow> find(Handle handle, String id) {
    return Rows.findById(handle, "tern_batch b", COLUMNS, (rs, ctx) -> row(rs), id);
  }

  /** Locks the batch row, so seed runs and completion of one batch never overlap. */
  Optional<BatchRow> findForUpdate(Handle handle, String id) {
    return Rows.findForUpdate(handle, "tern_batch b", COLUMNS, (rs, ctx) -> row(rs), id);
  }

  // no batch filter depends on the current time, hence no "now"
  List<Batch> list(Handle handle, BatchQuery query, int firstResult, int maxResults) {
    return query
        .filters()
        .list(handle, COLUMNS, (rs, ctx) -> row(rs).batch(), null, firstResult, maxResults);
  }

  long count(Handle handle, BatchQuery query) {
    return query.filters().count(handle, null);
  }

  List<BatchStatistics> statistics(
      Handle handle, BatchQuery query, int firstResult, int maxResults) {
    return query
        .filters()
        .list(
            handle,
            COLUMNS + ", " + JOB_COUNTS,
            (rs, ctx) -> {
              Batch batch = row(rs).batch();
              int remaining = batch.totalJobs() - batch.jobsCreated() + rs.getInt("open_jobs");
              return new BatchStatistics(
                  batch, remaining, batch.totalJobs() - remaining, rs.getInt("failed_jobs"));
            },
            null,
            firstResult,
            maxResults);
  }

  void setJobsCreated(Handle handle, String id, int jobsCreated) {
    handle
        .createUpdate("UPDATE tern_batch SET jobs_created = :n, rev = rev + 1 WHERE id = :id")
        .bind("n", jobsCreated)
        .bind("id", id)
        .execute();
  }

  /**
   * Counts {@code items} more items as applied, notes when execution started, and returns how many
   * items are done now. The row lock orders concurrent batch jobs, so exactly one of them sees the
   * final count.
   */
  long recordItemsDone(Handle handle, String id, long items, Instant now) {
    handle
        .createUpdate(
            "UPDATE tern_batch SET items_done = items_done + :items, rev = rev + 1,"
                + " exec_start_time = COALESCE(exec_start_time, :now) WHERE id = :id")
        .bind("items", items)
        .bind("now", now)
        .bind("id", id)
        .execute();
    return handle
        .createQuery("SELECT items_done FROM tern_batch WHERE id = :id")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  /**
   * The item ids of the chunks starting in {@code [fromSeq, toSeq)}: one batch job's chunk,
   * bounded by its size.
   */
  List<String> items(Handle handle, String id, long fromSeq, long toSeq) {
    List<String> items = new ArrayList<>();
    handle
        .createQuery(
            "SELECT item_ids FROM tern_batch_chunk WHERE batch_id = :id AND seq >= :from"
                + " AND seq < :to")
        .bind("id", id)
        .bind("from", fromSeq)
        .bind("to", toSeq)
        .map((rs, ctx) -> (Object[]) rs.getArray(1).getArray())
        .forEach(ids -> Arrays.stream(ids).map(String.class::cast).forEach(items::add));
    return items;
  }

  void deleteItems(Handle handle, String id, long fromSeq, long toSeq) {
    handle
        .createUpdate(
            "DELETE FROM tern_batch_chunk WHERE batch_id = :id AND seq >= :from AND seq < :to")
        .bind("id", id)
        .bind("from", fromSeq)
        .bind("to", toSeq)
        .execute();
  }

  /** Suspends or activates the batch row (its jobs and job definitions are their stores'). */
  void setSuspended(Handle handle, Batch batch, boolean suspended) {
    handle
        .createUpdate("UPDATE tern_batch SET suspended = :s, rev = rev + 1 WHERE id = :id")
        .bind("s", suspended)
        .bind("id", batch.id())
        .execute();
  }

  /** Removes the batch row and its remaining items. */
  void delete(Handle handle, Batch batch) {
    handle
        .createUpdate("DELETE FROM tern_batch_chunk WHERE batch_id = :id")
        .bind("id", batch.id())
        .execute();
    handle.createUpdate("DELETE FROM tern_batch WHERE id = :id").bind("id", batch.id()).execute();
  }

  /** Whether batch jobs of the batch are still open (done batch jobs are deleted). */
  boolean hasOpenBatchJobs(Handle handle, Batch batch) {
    return handle
        .createQuery("SELECT COUNT(*) FROM tern_job WHERE job_definition_id = :def")
        .bind("def", batch.batchJobDefinitionId())
        .mapTo(Long.class)
        .one()
        > 0;
  }


  private static BatchRow row(ResultSet rs) throws SQLException {
    Batch batch =
        new Batch(
            rs.getString("id"),
            rs.getString("batch_type"),
            rs.getInt("total_jobs"),
            rs.getInt("jobs_created"),
            rs.getInt("batch_jobs_per_seed"),
            rs.getInt("invocations_per_batch_job"),
            rs.getString("seed_job_def_id"),
            rs.getString("monitor_job_def_id"),
            rs.getString("batch_job_def_id"),
            rs.getBoolean("suspended"),
            rs.getString("tenant_id"),
            rs.getString("create_user_id"),
            instant(rs, "start_time"),
            instant(rs, "exec_start_time"));
    return new BatchRow(
        batch, rs.getString("configuration"), rs.getLong("total_items"), rs.getLong("items_done"));
  }


  /** A batch with what only the engine needs: its configuration and item counters. */
  record BatchRow(Batch batch, String configuration, long totalItems, long itemsDone) {}
}
