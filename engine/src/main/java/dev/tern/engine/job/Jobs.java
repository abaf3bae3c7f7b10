package dev.tern.engine.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The job rows as the other capabilities change them (the interpreter, batches, deployment
 * removal); every method runs in the caller's transaction and selects by ids or an owning id, never
 * by SQL text. The executor's claiming, locking and fencing stay inside this package.
 */
public interface Jobs {

  /** Inserts a job, writes its creation log entry and wakes this node's executor after commit. */
  void insert(Handle handle, Job job);

  Optional<Job> findById(Handle handle, String id);

  /**
   * The job and one row of another table it names, read in one statement: {@code join} is a
   * {@code LEFT JOIN} of that table to the job (aliased {@code j}), {@code columns} the joined
   * table's columns under labels apart from the job's, and {@code joined} receives what {@code
   * mapper} makes of the row (called only when the job exists).
   */
  <T> Optional<Job> findByIdJoined(
      Handle handle,
      String id,
      String join,
      String columns,
      RowMapper<T> mapper,
      Consumer<T> joined);

  /**
   * Deletes these jobs: writes their deletion log entries first, then removes the rows. Their
   * incidents are the caller's to end (see {@code IncidentStore}).
   *
   * @param ids a bounded set of job ids
   */
  int delete(Handle handle, Collection<String> ids);

  /** Moves the jobs of one execution to another (the first is being replaced by the second). */
  void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId);

  /** Moves the jobs of one handler type (e.g. a token's continuation) to another execution. */
  void moveToExecution(
      Handle handle, String fromExecutionId, String toExecutionId, String handlerType);

  /** Suspends or activates the jobs of a process instance. */
  void updateSuspendedOfProcessInstance(Handle handle, String processInstanceId, boolean suspended);

  /**
   * Removes the jobs of a deployment and of its process definitions, without log entries (a
   * deployment's deletion removes that history, or keeps it as it was).
   */
  void deleteOfDeployment(Handle handle, String deploymentId);

  /**
   * Creates the jobs of a batch for its items {@code [fromSeq, toSeq)} with one statement, one job
   * per chunk of {@code chunkSize} items (a row of the batch's chunks, keyed by its first item's
   * seq, a multiple of the chunk size). The job id is the batch id and the chunk number, unique for the batch's life; its handler
   * config is the seq range it covers. The other columns come from {@code template}.
   */
  int insertBatchJobs(Handle handle, Job template, long chunkSize, long fromSeq, long toSeq);

  /** Suspends or activates every job of a batch. */
  void updateSuspendedOfBatch(Handle handle, String batchId, boolean suspended);

  /**
   * Removes the jobs of a batch, except {@code keepJobId} (the running job, which the executor
   * removes itself), without log entries: the batch's end is its history.
   */
  void deleteOfBatch(Handle handle, String batchId, String keepJobId);

  /** The retries of each of these jobs that exists (one bounded chunk of ids). */
  Map<String, Integer> retriesOf(Handle handle, Collection<String> ids);

  /**
   * Sets the retries (and, when {@code setDue}, the due date) of these jobs with one statement. A
   * failed job may still carry the lock of the attempt that failed it; it is cleared with the
   * retries.
   */
  int updateRetries(
      Handle handle, Collection<String> ids, int retries, Instant dueDate, boolean setDue);

  /** The ids of the jobs of this handler type, oldest first. */
  List<String> idsOfHandlerType(Handle handle, String handlerType);

  /**
   * Makes a job that no executor holds due at {@code dueDate} and active, with this handler config.
   *
   * @return 0 when the job is locked (running) or gone
   */
  int makeDue(Handle handle, String id, Instant dueDate, String handlerConfig);
}
