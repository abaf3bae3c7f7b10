package dev.tern.engine.job;

import dev.tern.engine.history.JobLog;
import dev.tern.engine.history.LogState;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Columns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for {@code tern_job}. Every method runs in the caller's transaction. Every update bumps
 * {@code rev}; an update guarded by a revision or a lock owner that changes no row means another
 * transaction won, which callers treat as normal (the executor) or report (the API).
 */
final class JobStore implements Jobs {

  static final String COLUMNS =
      "id, rev, job_kind, handler_type, handler_config, job_definition_id, process_instance_id,"
          + " execution_id, proc_def_id, proc_def_key, activity_id, deployment_id, tenant_id,"
          + " retries, due_date, create_time, lock_owner, lock_expiration_time, is_exclusive,"
          + " suspended, priority, exception_message, failed_activity_id, batch_id,"
          + " sequence_counter";

  static final RowMapper<Job> MAPPER = RecordMapper.of(Job.class, COLUMNS);

  private static final String INSERT =
      """
      INSERT INTO tern_job (id, rev, job_kind, handler_type, handler_config, job_definition_id,
        process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id, deployment_id,
        tenant_id, retries, due_date, create_time, lock_owner, lock_expiration_time, is_exclusive,
        suspended, priority, exception_message, failed_activity_id, batch_id, sequence_counter)
      VALUES (:id, :rev, :kind, :handlerType, :handlerConfig, :jobDefinitionId,
        :processInstanceId, :executionId, :processDefinitionId, :processDefinitionKey, :activityId,
        :deploymentId, :tenantId, :retries, :dueDate, :createTime, :lockOwner, :lockExpirationTime,
        :exclusive, :suspended, :priority, :exceptionMessage, :failedActivityId, :batchId,
        :sequenceCounter)
      """;

  /**
   * What makes a job acquirable. An exclusive job is skipped while another exclusive job of its
   * process instance holds an unexpired lock (on any node): this keeps exclusive jobs of one instance
   * from being claimed side by side. It is only a filter under READ COMMITTED (two nodes can still
   * claim two different jobs of one instance at the same moment), so the hard guarantee is the
   * process-instance row lock the runner takes first (see {@link JobRunner}).
   */
  private static final String ACQUIRABLE =
      """
      (j.due_date IS NULL OR j.due_date <= :now) AND j.suspended = FALSE AND j.retries > 0
        AND (j.lock_owner IS NULL OR j.lock_expiration_time IS NULL OR j.lock_expiration_time < :now)
        AND NOT (j.is_exclusive AND j.process_instance_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM tern_job o WHERE o.process_instance_id = j.process_instance_id
            AND o.is_exclusive AND o.id <> j.id AND o.lock_owner IS NOT NULL
            AND o.lock_expiration_time >= :now))
      """;

  /**
   * A job whose lease lapsed while the claiming node still runs it under an earlier claim is left
   * to the other nodes: this node would only run it a second time behind itself. (A job whose run
   * has ended — failed and due again at once — no longer carries that claim and is claimed.)
   */
  private static final String ACQUIRABLE_IDS =
      "SELECT j.id FROM tern_job j WHERE "
          + ACQUIRABLE
          + " AND (j.lock_owner IS NULL OR NOT j.lock_owner = ANY(:busyOwners))"
          + " ORDER BY j.priority DESC, j.due_date ASC NULLS FIRST, j.id LIMIT :limit"
          + " FOR UPDATE SKIP LOCKED";

  private final Dialect dialect;
  private final JobLog jobLog;
  private final JobSignal signal;

  JobStore(Dialect dialect, JobLog jobLog, JobSignal signal) {
    this.dialect = dialect;
    this.jobLog = jobLog;
    this.signal = signal;
  }

  @Override
  public void insert(Handle handle, Job job) {
    // bound one by one: bindMethods finds each getter reflectively at every insert
    handle
        .createUpdate(INSERT)
        .bind("id", job.id())
        .bind("rev", job.rev())
        .bind("kind", job.kind())
        .bind("handlerType", job.handlerType())
        .bind("handlerConfig", job.handlerConfig())
        .bind("jobDefinitionId", job.jobDefinitionId())
        .bind("processInstanceId", job.processInstanceId())
        .bind("executionId", job.executionId())
        .bind("processDefinitionId", job.processDefinitionId())
        .bind("processDefinitionKey", job.processDefinitionKey())
        .bind("activityId", job.activityId())
        .bind("deploymentId", job.deploymentId())
        .bind("tenantId", job.tenantId())
        .bind("retries", job.retries())
        .bindByType("dueDate", job.dueDate(), Instant.class)
        .bindByType("createTime", job.createTime(), Instant.class)
        .bind("lockOwner", job.lockOwner())
        .bindByType("lockExpirationTime", job.lockExpirationTime(), Instant.class)
        .bind("exclusive", job.exclusive())
        .bind("suspended", job.suspended())
        .bind("priority", job.priority())
        .bind("exceptionMessage", job.exceptionMessage())
        .bind("failedActivityId", job.failedActivityId())
        .bind("batchId", job.batchId())
        .bind("sequenceCounter", job.sequenceCounter())
        .execute();
    jobLog.log(handle, LogState.CREATED, List.of(job.id()));
    handle.afterCommit(signal::signal);
  }

  @Override
  public Optional<Job> findById(Handle handle, String id) {
    return Rows.findById(handle, "tern_job", COLUMNS, MAPPER, id);
  }

  @Override
  public <T> Optional<Job> findByIdJoined(
      Handle handle,
      String id,
      String join,
      String columns,
      RowMapper<T> mapper,
      Consumer<T> joined) {
    return handle
        .createQuery(
            "SELECT " + Columns.qualified("j", COLUMNS) + ", " + columns + " FROM tern_job j "
                + join + " WHERE j.id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              Job job = MAPPER.map(rs, ctx);
              joined.accept(mapper.map(rs, ctx));
              return job;
            })
        .findOne();
  }

  /** The stack trace of the job's last failure; empty when there is no such job. */
  public Optional<Optional<String>> findStacktrace(Handle handle, String id) {
    return handle
        .createQuery("SELECT exception_stacktrace FROM tern_job WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
        .findOne();
  }

  /**
   * Claims up to {@code limit} due jobs for {@code owner}, skipping rows other transactions hold
   * and jobs still locked by one of {@code busyOwners} (the claimer's runs in progress, even if
   * their lease lapsed). Returned in execution order (priority, then due date).
   */
  public List<Job> claimDue(
      Handle handle,
      String owner,
      Collection<String> busyOwners,
      Instant now,
      Instant lockUntil,
      int limit) {
    String[] busy = busyOwners.toArray(String[]::new);
    List<Job> claimed;
    if (dialect == Dialect.POSTGRES) {
      claimed =
          handle
              .createQuery(
                  // A locking CTE runs exactly once. As "id IN (subquery)" the planner may rescan
                  // the subquery (nested loop), and each rescan skips the rows this statement has
                  // just locked and claims the next ones: far more than the limit.
                  "WITH claimable AS MATERIALIZED ("
                      + ACQUIRABLE_IDS
                      + ") UPDATE tern_job SET lock_owner = :owner, lock_expiration_time = :lockUntil,"
                      + " rev = rev + 1 FROM claimable WHERE tern_job.id = claimable.id RETURNING "
                      + Columns.qualified("tern_job", COLUMNS))
              .bind("owner", owner)
              .bind("lockUntil", lockUntil)
              .bind("now", now)
              .bind("busyOwners", busy)
              .bind("limit", limit)
              .map(MAPPER)
              .list();
    } else {
      // H2 has no UPDATE … RETURNING: lock the rows first, then update them in the same transaction.
      String[] ids =
          handle
              .createQuery(ACQUIRABLE_IDS)
              .bind("now", now)
              .bind("busyOwners", busy)
              .bind("limit", limit)
              .mapTo(String.class)
              .list()
              .toArray(String[]::new);
      if (ids.length == 0) {
        return List.of();
      }
      handle
          .createUpdate(
              "UPDATE tern_job SET lock_owner = :owner, lock_expiration_time = :lockUntil,"
                  + " rev = rev + 1 WHERE id = ANY(:ids)")
          .bind("owner", owner)
          .bind("lockUntil", lockUntil)
          .bind("ids", ids)
          .execute();
      claimed =
          handle
              .createQuery("SELECT " + COLUMNS + " FROM tern_job WHERE id = ANY(:ids)")
              .bind("ids", ids)
              .map(MAPPER)
              .list();
    }
    List<Job> ordered = new ArrayList<>(claimed);
    ordered.sort(
        Comparator.comparingLong(Job::priority)
            .reversed()
            .thenComparing(Job::dueDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Job::id));
    if (ordered.size() > limit) {
      // Never hand out more than asked for: the executor sized the claim to its free slots.
      List<Job> excess = ordered.subList(limit, ordered.size());
      unlock(handle, excess.stream().map(Job::id).toList(), owner);
      return List.copyOf(ordered.subList(0, limit));
    }
    return ordered;
  }

  /** Takes the lock of one job for {@code owner} whoever held it (used to execute a job by hand). */
  public int lockForOwner(Handle handle, String id, String owner, Instant lockUntil) {
    return handle
        .createUpdate(
            "UPDATE tern_job SET lock_owner = :owner, lock_expiration_time = :lockUntil,"
                + " rev = rev + 1 WHERE id = :id")
        .bind("id", id)
        .bind("owner", owner)
        .bind("lockUntil", lockUntil)
        .execute();
  }

  /** Extends the leases of the jobs this owner still holds; returns how many it still holds. */
  public int extendLocks(Handle handle, List<String> ids, String owner, Instant lockUntil) {
    return handle
        .createUpdate(
            "UPDATE tern_job SET lock_expiration_time = :lockUntil"
                + " WHERE id = ANY(:ids) AND lock_owner = :owner")
        .bind("ids", ids.toArray(String[]::new))
        .bind("owner", owner)
        .bind("lockUntil", lockUntil)
        .execute();
  }

  /** Releases the locks this owner holds on the given jobs, e.g. claimed ones it did not start. */
  public int unlock(Handle handle, List<String> ids, String owner) {
    if (ids.isEmpty()) {
      return 0;
    }
    return handle
        .createUpdate(
            "UPDATE tern_job SET lock_owner = NULL, lock_expiration_time = NULL, rev = rev + 1"
                + " WHERE id = ANY(:ids) AND lock_owner = :owner")
        .bind("ids", ids.toArray(String[]::new))
        .bind("owner", owner)
        .execute();
  }

  /** Deletes a job the owner still holds (the end of a successful run). */
  public int deleteLocked(Handle handle, String id, String owner) {
    return handle
        .createUpdate("DELETE FROM tern_job WHERE id = :id AND lock_owner = :owner")
        .bind("id", id)
        .bind("owner", owner)
        .execute();
  }

  /** Records a failed attempt, guarded by the revision the failing run read. */
  public int recordFailure(
      Handle handle,
      Job job,
      int retries,
      Instant dueDate,
      String message,
      String stacktrace,
      String failedActivityId) {
    return handle
        .createUpdate(
            "UPDATE tern_job SET retries = :retries, due_date = :dueDate,"
                + " exception_message = :message, exception_stacktrace = :stacktrace,"
                + " failed_activity_id = :failedActivityId, lock_owner = NULL,"
                + " lock_expiration_time = NULL, rev = rev + 1,"
                + " sequence_counter = sequence_counter + 1 WHERE id = :id AND rev = :rev")
        .bind("id", job.id())
        .bind("rev", job.rev())
        .bind("retries", retries)
        .bind("dueDate", dueDate)
        .bind("message", message)
        .bind("stacktrace", stacktrace)
        .bind("failedActivityId", failedActivityId)
        .execute();
  }

  /** Whether the job has failed before (Camunda: it has an exception stored). */
  public boolean hasFailedBefore(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM tern_job WHERE id = :id"
                + " AND (exception_message IS NOT NULL OR exception_stacktrace IS NOT NULL)")
        .bind("id", id)
        .mapTo(Integer.class)
        .one()
        > 0;
  }

  /** Sets retries (and optionally the due date); a lock is released so the job is acquirable. */
  public int updateRetries(Handle handle, Job job, int retries, Instant dueDate, boolean setDue) {
    return ifUnchanged(
            handle,
            job,
            "retries = :retries"
                + (setDue ? ", due_date = :dueDate" : "")
                + (retries > 0 ? ", lock_owner = NULL, lock_expiration_time = NULL" : ""))
        .bind("retries", retries)
        .bind("dueDate", dueDate)
        .execute();
  }

  /**
   * An update of the job's row that applies only if no one changed the row since it was read
   * (same {@code rev}; 0 rows: another writer won). {@code assignments} is the {@code SET} list;
   * the caller binds its values.
   */
  private Update ifUnchanged(Handle handle, Job job, String assignments) {
    handle.afterCommit(signal::signal);
    return handle
        .createUpdate(
            "UPDATE tern_job SET " + assignments + ", rev = rev + 1 WHERE id = :id AND rev = :rev")
        .bind("id", job.id())
        .bind("rev", job.rev());
  }

  @Override
  public Map<String, Integer> retriesOf(Handle handle, Collection<String> ids) {
    Map<String, Integer> retries = new HashMap<>();
    handle
        .createQuery("SELECT id, retries FROM tern_job WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(String[]::new))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .forEach(e -> retries.put(e.getKey(), e.getValue()));
    return retries;
  }

  @Override
  public int updateRetries(
      Handle handle, Collection<String> ids, int retries, Instant dueDate, boolean setDue) {
    if (ids.isEmpty()) {
      return 0;
    }
    handle.afterCommit(signal::signal);
    var update =
        handle
            .createUpdate(
                "UPDATE tern_job SET retries = :retries, rev = rev + 1,"
                    + (setDue ? " due_date = :dueDate," : "")
                    + " lock_owner = CASE WHEN retries = 0 THEN NULL ELSE lock_owner END,"
                    + " lock_expiration_time ="
                    + " CASE WHEN retries = 0 THEN NULL ELSE lock_expiration_time END"
                    + " WHERE id = ANY(:ids)")
            .bind("ids", ids.toArray(String[]::new))
            .bind("retries", retries);
    if (setDue) {
      update.bindByType("dueDate", dueDate, Instant.class);
    }
    return update.execute();
  }

  public int updateDueDate(Handle handle, Job job, Instant dueDate) {
    return ifUnchanged(handle, job, "due_date = :dueDate").bind("dueDate", dueDate).execute();
  }

  public int updateSuspended(Handle handle, Job job, boolean suspended) {
    return ifUnchanged(handle, job, "suspended = :suspended").bind("suspended", suspended).execute();
  }

  /** Suspends or activates every job of a job definition in one statement. */
  public int updateSuspendedByDefinition(Handle handle, String jobDefinitionId, boolean suspended) {
    return updateSuspendedWhere(handle, "job_definition_id", jobDefinitionId, suspended);
  }

  /**
   * Suspends or activates the jobs whose {@code column} is {@code value} (those not so already),
   * waking the executor after the commit.
   */
  private int updateSuspendedWhere(Handle handle, String column, String value, boolean suspended) {
    handle.afterCommit(signal::signal);
    return handle
        .createUpdate(
            "UPDATE tern_job SET suspended = :s, rev = rev + 1"
                + " WHERE " + column + " = :value AND suspended <> :s")
        .bind("s", suspended)
        .bind("value", value)
        .execute();
  }

  @Override
  public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_job", fromExecutionId, toExecutionId);
  }

  @Override
  public void moveToExecution(
      Handle handle, String fromExecutionId, String toExecutionId, String handlerType) {
    handle
        .createUpdate(
            "UPDATE tern_job SET execution_id = :to WHERE execution_id = :from"
                + " AND handler_type = :type")
        .bind("from", fromExecutionId)
        .bind("to", toExecutionId)
        .bind("type", handlerType)
        .execute();
  }

  @Override
  public int delete(Handle handle, Collection<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    jobLog.log(handle, LogState.DELETED, ids);
    return handle
        .createUpdate("DELETE FROM tern_job WHERE id = ANY(:ids)")
        .bind("ids", ids.toArray(String[]::new))
        .execute();
  }

  /** Deletes one job unless another transaction changed it since it was read; logs it first. */
  public int deleteIfUnchanged(Handle handle, Job job) {
    jobLog.log(handle, LogState.DELETED, List.of(job.id()));
    return handle
        .createUpdate("DELETE FROM tern_job WHERE id = :id AND rev = :rev")
        .bind("id", job.id())
        .bind("rev", job.rev())
        .execute();
  }

  @Override
  public void updateSuspendedOfProcessInstance(
      Handle handle, String processInstanceId, boolean suspended) {
    updateSuspendedWhere(handle, "process_instance_id", processInstanceId, suspended);
  }

  @Override
  public int insertBatchJobs(
      Handle handle, Job template, long chunkSize, long fromSeq, long toSeq) {
    handle.afterCommit(signal::signal);
    return handle
        .createUpdate(
            "INSERT INTO tern_job (id, rev, job_kind, handler_type, handler_config,"
                + " job_definition_id, tenant_id, retries, create_time, is_exclusive, suspended,"
                + " priority, batch_id, sequence_counter)"
                + " SELECT i.batch_id || '-' || CAST(i.seq / :size AS VARCHAR(20)), 1, :kind,"
                + " :handlerType,"
                + " CAST(i.seq AS VARCHAR(20)) || ':' || CAST(i.seq + :size AS VARCHAR(20)),"
                + " :jobDefinitionId, :tenantId, :retries, :createTime, :exclusive, :suspended,"
                + " :priority, i.batch_id, 1"
                + " FROM tern_batch_chunk i WHERE i.batch_id = :batchId AND i.seq >= :fromSeq"
                + " AND i.seq < :toSeq")
        .bindMethods(template)
        .bind("size", chunkSize)
        .bind("fromSeq", fromSeq)
        .bind("toSeq", toSeq)
        .execute();
  }

  @Override
  public void updateSuspendedOfBatch(Handle handle, String batchId, boolean suspended) {
    updateSuspendedWhere(handle, "batch_id", batchId, suspended);
  }

  @Override
  public void deleteOfBatch(Handle handle, String batchId, String keepJobId) {
    handle
        .createUpdate("DELETE FROM tern_job WHERE batch_id = :id AND id <> :keep")
        .bind("id", batchId)
        .bind("keep", keepJobId == null ? "" : keepJobId)
        .execute();
  }

  @Override
  public List<String> idsOfHandlerType(Handle handle, String handlerType) {
    return handle
        .createQuery("SELECT id FROM tern_job WHERE handler_type = :type ORDER BY create_time, id")
        .bind("type", handlerType)
        .mapTo(String.class)
        .list();
  }

  @Override
  public int makeDue(Handle handle, String id, Instant dueDate, String handlerConfig) {
    return handle
        .createUpdate(
            "UPDATE tern_job SET due_date = :due, suspended = FALSE, handler_config = :config,"
                + " rev = rev + 1 WHERE id = :id AND lock_owner IS NULL")
        .bind("due", dueDate)
        .bind("config", handlerConfig)
        .bind("id", id)
        .execute();
  }

  @Override
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDeployment(handle, "tern_job", deploymentId);
  }
}
