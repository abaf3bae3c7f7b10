package dev.tern.engine.job;

import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_job_definition}. Every method runs in the caller's transaction. */
final class JobDefinitionStore implements JobDefinitions {

  static final String COLUMNS =
      "id, proc_def_id, proc_def_key, activity_id, job_type, job_configuration, suspended,"
          + " overriding_priority, tenant_id, deployment_id";

  static final RecordMapper<JobDefinition> MAPPER = RecordMapper.of(JobDefinition.class, COLUMNS);

  @Override
  public void insert(Handle handle, JobDefinition definition) {
    MAPPER.insert(handle, "tern_job_definition", definition);
  }

  @Override
  public List<JobDefinition> findByProcessDefinition(Handle handle, String processDefinitionId) {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM tern_job_definition WHERE proc_def_id = :id ORDER BY id")
        .bind("id", processDefinitionId)
        .map(MAPPER)
        .list();
  }

  @Override
  public Optional<JobDefinition> findById(Handle handle, String id) {
    return Rows.findById(handle, "tern_job_definition", COLUMNS, MAPPER, id);
  }

  /** Suspends or activates a job definition; returns whether it exists. */
  public boolean updateSuspended(Handle handle, String id, boolean suspended) {
    return handle
            .createUpdate("UPDATE tern_job_definition SET suspended = :suspended WHERE id = :id")
            .bind("id", id)
            .bind("suspended", suspended)
            .execute()
        == 1;
  }

  @Override
  public void updateSuspended(Handle handle, String[] ids, boolean suspended) {
    handle
        .createUpdate("UPDATE tern_job_definition SET suspended = :suspended WHERE id = ANY(:ids)")
        .bind("ids", ids)
        .bind("suspended", suspended)
        .execute();
  }

  @Override
  public void delete(Handle handle, String[] ids) {
    handle
        .createUpdate("DELETE FROM tern_job_definition WHERE id = ANY(:ids)")
        .bind("ids", ids)
        .execute();
  }

  @Override
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDeployment(handle, "tern_job_definition", deploymentId);
  }
}
