package dev.tern.engine.history;

import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_hi_batch}. Every method runs in the caller's transaction. */
final class HistoricBatchStore implements BatchHistory {

  static final String COLUMNS =
      "id, batch_type, total_jobs, batch_jobs_per_seed, invocations_per_batch_job,"
          + " seed_job_def_id, monitor_job_def_id, batch_job_def_id, tenant_id, create_user_id,"
          + " start_time, exec_start_time, end_time, removal_time";

  static final RecordMapper<HistoricBatch> MAPPER = RecordMapper.of(HistoricBatch.class, COLUMNS);

  @Override
  public void insert(Handle handle, HistoricBatch batch) {
    MAPPER.insert(handle, "tern_hi_batch", batch);
  }

  @Override
  public void setExecutionStartTime(Handle handle, String id, Instant time) {
    handle
        .createUpdate(
            "UPDATE tern_hi_batch SET exec_start_time = :time"
                + " WHERE id = :id AND exec_start_time IS NULL")
        .bind("id", id)
        .bind("time", time)
        .execute();
  }

  @Override
  public void setEndTime(Handle handle, String id, Instant time) {
    handle
        .createUpdate("UPDATE tern_hi_batch SET end_time = :time WHERE id = :id")
        .bind("id", id)
        .bind("time", time)
        .execute();
  }

  @Override
  public boolean delete(Handle handle, String id) {
    Optional<HistoricBatch> batch = find(handle, id);
    if (batch.isEmpty()) {
      return false;
    }
    HistoricBatch b = batch.get();
    String[] definitions = {
      b.seedJobDefinitionId(), b.monitorJobDefinitionId(), b.batchJobDefinitionId()
    };
    HistoricIncidentStore.deleteOfJobDefinitions(handle, definitions);
    JobLogStore.deleteOfJobDefinitions(handle, definitions);
    handle.createUpdate("DELETE FROM tern_hi_batch WHERE id = :id").bind("id", id).execute();
    return true;
  }

  Optional<HistoricBatch> find(Handle handle, String id) {
    return Rows.findById(handle, "tern_hi_batch", COLUMNS, MAPPER, id);
  }
}
