package dev.tern.engine.batch;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.externaltask.ExternalTaskSelection;
import dev.tern.engine.externaltask.ExternalTaskStore;
import dev.tern.engine.history.HistoricBatch;
import dev.tern.engine.history.BatchHistory;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.history.InstanceHistoryRemoval;
import dev.tern.engine.history.UserOperationLogEntry;
import dev.tern.engine.history.OperationLog;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Batches: creating set-job-retries batches, reading them with their progress, suspending and
 * deleting them. A batch snapshots its selection into {@code tern_batch_chunk} with one statement,
 * as chunks of {@code invocationsPerBatchJob} items; a seed job creates a batch job per chunk; each
 * batch job applies its chunk set-based; the last one ends the batch.
 */
public final class BatchService {

  private static final int JOB_DEFINITION_CHUNK = 1000;
  private static final String JOBS = "tern_job";
  /** Camunda's {@code Authorization.ANY}: checks on every resource of a type. */
  private static final String ANY = "*";

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final BatchSettings settings;
  private final BatchStore batches = new BatchStore();
  private final BatchHistory historicBatches;
  private final OperationLog operationLog;
  private final JobDefinitions jobDefinitions;
  private final JobRetriesWriter retriesWriter;
  private final ExternalTaskStore externalTasks;
  private final BatchJobs batchJobs;
  private final InstanceHistoryRemoval instanceHistory;
  private final MessageCorrelator correlator;

  private final Authorizer authorizer = new Authorizer();

  public BatchService(
      Database database,
      Clock clock,
      Ids ids,
      BatchSettings settings,
      Jobs jobStore,
      JobDefinitions jobDefinitions,
      IncidentStore incidentStore,
      ExternalTaskStore externalTasks,
      BatchHistory historicBatches,
      OperationLog operationLog,
      InstanceHistoryRemoval instanceHistory,
      MessageCorrelator correlator) {
    this.instanceHistory = instanceHistory;
    this.correlator = correlator;
    this.jobDefinitions = jobDefinitions;
    this.historicBatches = historicBatches;
    this.operationLog = operationLog;
    this.database = database;
    this.externalTasks = externalTasks;
    this.clock = clock;
    this.ids = ids;
    this.settings = settings;
    this.retriesWriter = new JobRetriesWriter(jobStore, incidentStore);
    this.batchJobs =
        new BatchJobs(batches, historicBatches, jobStore, jobDefinitions, ids, clock);
  }

  /** The handlers of the seed, batch and monitor jobs, for the job executor. */
  public List<JobHandler> jobHandlers() {
    return List.of(
        batchJobs.seedHandler(),
        batchJobs.chunkHandler(
            Batch.TYPE_SET_JOB_RETRIES,
            (h, jobIds, config) ->
                retriesWriter.apply(h, jobIds, SetJobRetriesConfiguration.parse(config))),
        batchJobs.chunkHandler(
            Batch.TYPE_SET_EXTERNAL_TASK_RETRIES,
            (h, taskIds, config) ->
                externalTasks.setRetries(
                    h, taskIds, SetJobRetriesConfiguration.parse(config).retries())),
        batchJobs.chunkHandler(
            Batch.TYPE_HISTORIC_PROCESS_INSTANCE_DELETION,
            (h, instanceIds, config) -> instanceHistory.deleteOfProcessInstances(h, instanceIds)),
        batchJobs.chunkHandler(
            Batch.TYPE_CORRELATE_MESSAGE,
            (h, instanceIds, config) -> {
              CorrelateMessageConfiguration c = CorrelateMessageConfiguration.parse(config);
              correlator.correlateAll(h, instanceIds, c.messageName(), c.variables());
            }),
        batchJobs.monitorHandler(settings.monitorPollInterval()));
  }

  /**
   * Creates a batch setting the retries of every job of the selected process instances (the union
   * of the ids and the queries' instances that the caller may read), as {@code POST
   * /process-instance/job-retries} does, with Camunda's batch permission check.
   *
   * @param processInstanceIds ids of process instances, or null
   * @param processInstanceQuery runtime process instances, or null (an empty query selects all)
   * @param historicProcessInstanceQuery historic process instances, or null
   */
  public Batch setJobRetriesByProcessAsync(
      Caller caller,
      List<String> processInstanceIds,
      ProcessInstanceQuery processInstanceQuery,
      HistoricProcessInstanceQuery historicProcessInstanceQuery,
      JobRetries retries) {
    checkCreateBatch(caller, Permission.CREATE_BATCH_SET_JOB_RETRIES);
    return setJobRetriesByProcessAsync(
        processInstanceIds,
        processInstanceQuery == null ? null : processInstanceQuery.readableBy(caller),
        historicProcessInstanceQuery == null ? null : historicProcessInstanceQuery.readableBy(caller),
        retries,
        caller.userId());
  }

  /**
   * Camunda's batch permission: {@code CREATE} or the batch type's own (such as {@code
   * CREATE_BATCH_SET_JOB_RETRIES}) on {@code Batch}. Checked before the selection is read, so a
   * caller without it learns nothing of it.
   */
  private void checkCreateBatch(Caller caller, Permission typePermission) {
    database.withHandle(
        h -> {
          authorizer.check(
              h,
              caller,
              PermissionCheck.of(Permission.CREATE, Resource.BATCH),
              PermissionCheck.of(typePermission, Resource.BATCH));
          return null;
        });
  }

  /**
   * {@link #setJobRetriesAsync(List, JobQuery, JobRetries, String)} with Camunda's batch check,
   * the query restricted to the jobs the caller may read.
   */
  public Batch setJobRetriesAsync(
      Caller caller, List<String> jobIds, JobQuery jobQuery, JobRetries retries) {
    checkCreateBatch(caller, Permission.CREATE_BATCH_SET_JOB_RETRIES);
    return setJobRetriesAsync(
        jobIds, jobQuery == null ? null : jobQuery.readableBy(caller), retries, caller.userId());
  }

  /** Deletes a batch with {@code DELETE} on it. */
  public void delete(Caller caller, String id, boolean cascade) {
    database.useTransaction(
        handle -> {
          Batch batch = lockedBatch(handle, id);
          authorizer.check(handle, caller, PermissionCheck.of(Permission.DELETE, Resource.BATCH, id));
          delete(handle, batch, cascade);
        });
  }

  /**
   * Creates a batch setting the retries of every job of the selected process instances, without
   * authorization checks (for embedders).
   *
   * @param userId the user creating the batch, or null when unknown (then no operation log entry is
   *     written, as Camunda restricts the log to authenticated users by default)
   */
  public Batch setJobRetriesByProcessAsync(
      List<String> processInstanceIds,
      ProcessInstanceQuery processInstanceQuery,
      HistoricProcessInstanceQuery historicProcessInstanceQuery,
      JobRetries retries,
      String userId) {
    IdSelection selection =
        IdSelection.of(JOBS)
            .ofProcessInstances(processInstanceIds)
            .ofProcessInstances(
                processInstanceQuery == null ? null : processInstanceQuery.idsSql(database.dialect()))
            .ofProcessInstances(
                historicProcessInstanceQuery == null
                    ? null
                    : historicProcessInstanceQuery.idsSql(database.dialect()));
    if (selection.isEmpty()) {
      throw new ProcessEngineException(
          "ENGINE-13051 You must specify at least one of or one of processInstanceIds,"
              + " processInstanceQuery, or historicProcessInstanceQuery.");
    }
    return createSetJobRetriesBatch(selection, retries, userId);
  }

  /**
   * Creates a batch setting the retries of the given jobs (the union of the ids and the query's
   * jobs), as {@code POST /job/retries} does. Ids that match no job are ignored.
   */
  public Batch setJobRetriesAsync(
      List<String> jobIds, JobQuery jobQuery, JobRetries retries, String userId) {
    IdSelection selection =
        IdSelection.of(JOBS).ids(jobIds).matching(jobQuery == null ? null : jobQuery.idsSql());
    return createSetJobRetriesBatch(selection, retries, userId);
  }

  /**
   * Sets the retries of the failed jobs (no retries left) of one job definition, at once.
   *
   * @return the number of jobs changed
   */
  public int setJobRetriesByJobDefinition(String jobDefinitionId, JobRetries retries) {
    return setJobRetriesByJobDefinition(Caller.SYSTEM, jobDefinitionId, retries);
  }

  /**
   * {@link #setJobRetriesByJobDefinition(String, JobRetries)} with Camunda's check for a job
   * definition of a process: {@code RETRY_JOB} or {@code UPDATE} on every process instance, or
   * {@code RETRY_JOB} or {@code UPDATE_INSTANCE} on the definition (by key).
   */
  public int setJobRetriesByJobDefinition(
      Caller caller, String jobDefinitionId, JobRetries retries) {
    if (retries.retries() < 0) {
      throw new ProcessEngineException(
          "The number of job retries must be a non-negative Integer, but '"
              + retries.retries()
              + "' has been provided.");
    }
    return database.inTransaction(
        handle -> {
          JobDefinition definition =
              jobDefinitions
                  .findById(handle, jobDefinitionId)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "Job definition with id '" + jobDefinitionId + "' does not exist"));
          String key = definition.processDefinitionKey();
          if (key != null) {
            authorizer.check(handle, caller, PermissionCheck.retryJob(ANY, key));
          }
          // in chunks, so memory stays bounded however many jobs failed
          int changed = 0;
          List<String> chunk;
          do {
            chunk =
                handle
                    .createQuery(
                        "SELECT id FROM tern_job WHERE job_definition_id = :id AND retries = 0"
                            + " ORDER BY id FETCH FIRST :size ROWS ONLY")
                    .bind("id", jobDefinitionId)
                    .bind("size", JOB_DEFINITION_CHUNK)
                    .mapTo(String.class)
                    .list();
            changed += retriesWriter.apply(handle, chunk, retries);
          } while (chunk.size() == JOB_DEFINITION_CHUNK && retries.retries() > 0);
          return changed;
        });
  }

  /** The batch, if the caller may read it ({@code READ} on it). */
  public Optional<Batch> find(Caller caller, String id) {
    return find(id).filter(batch -> readable(caller, id));
  }

  private boolean readable(Caller caller, String id) {
    return database.withHandle(
        h -> authorizer.granted(h, caller, PermissionCheck.of(Permission.READ, Resource.BATCH, id)));
  }

  /** The batches the caller may read ({@code READ} on each). */
  public List<Batch> list(Caller caller, BatchQuery query, int firstResult, int maxResults) {
    return list(readable(caller, query), firstResult, maxResults);
  }

  public long count(Caller caller, BatchQuery query) {
    return count(readable(caller, query));
  }

  public List<BatchStatistics> statistics(
      Caller caller, BatchQuery query, int firstResult, int maxResults) {
    return statistics(readable(caller, query), firstResult, maxResults);
  }

  private BatchQuery readable(Caller caller, BatchQuery query) {
    query
        .filters()
        .restrict(
            authorizer.readable(
                caller, "b.tenant_id", new Authorizer.RowCheck(Permission.READ, Resource.BATCH, "b.id")));
    return query;
  }

  /** Suspends or activates a batch with {@code UPDATE} on it. */
  public void setSuspended(Caller caller, String id, boolean suspended) {
    database.useTransaction(
        handle -> {
          Batch batch = lockedBatch(handle, id);
          authorizer.check(handle, caller, PermissionCheck.of(Permission.UPDATE, Resource.BATCH, id));
          batchJobs.setSuspended(handle, batch, suspended);
        });
  }

  public Optional<Batch> find(String id) {
    return database.withHandle(handle -> batches.find(handle, id).map(BatchStore.BatchRow::batch));
  }

  public List<Batch> list(BatchQuery query, int firstResult, int maxResults) {
    return database.withHandle(handle -> batches.list(handle, query, firstResult, maxResults));
  }

  public long count(BatchQuery query) {
    return database.withHandle(handle -> batches.count(handle, query));
  }

  public List<BatchStatistics> statistics(BatchQuery query, int firstResult, int maxResults) {
    return database.withHandle(
        handle -> batches.statistics(handle, query, firstResult, maxResults));
  }

  /**
   * Suspends or activates a batch with its jobs and job definitions.
   *
   * @throws NotFoundException if there is no such batch
   */
  public void setSuspended(String id, boolean suspended) {
    database.useTransaction(
        handle -> batchJobs.setSuspended(handle, lockedBatch(handle, id), suspended));
  }

  /**
   * Deletes a running batch with its jobs and job definitions; the historic batch ends now, or is
   * deleted with the history of its jobs when {@code cascade}.
   *
   * @throws NotFoundException if there is no such batch
   */
  public void delete(String id, boolean cascade) {
    database.useTransaction(handle -> delete(handle, lockedBatch(handle, id), cascade));
  }

  private void delete(Handle handle, Batch batch, boolean cascade) {
    batchJobs.delete(handle, batch, null);
    if (cascade) {
      historicBatches.delete(handle, batch.id());
    } else {
      historicBatches.setEndTime(handle, batch.id(), clock.instant());
    }
  }

  private Batch lockedBatch(Handle handle, String id) {
    return batches
        .findForUpdate(handle, id)
        .map(BatchStore.BatchRow::batch)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "BadUserRequestException", "Batch for id '" + id + "' cannot be found"));
  }

  private Batch createSetJobRetriesBatch(
      IdSelection selection, JobRetries retries, String userId) {
    return create(
        new NewBatch(
            Batch.TYPE_SET_JOB_RETRIES,
            selection,
            SetJobRetriesConfiguration.format(retries),
            retries.retries() < 0
                ? new ProcessEngineException("Retries count is not greater than or equal to 0")
                : null,
            () -> new InvalidRequestException("jobIds is empty"),
            UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES,
            UserOperationLogEntry.ENTITY_TYPE_JOB,
            Map.of("retries", Integer.toString(retries.retries()))),
        userId);
  }

  /**
   * Creates a batch setting the retries of the selected external tasks (the union of ids, the
   * query's tasks and the tasks of the selected process instances), as {@code POST
   * /external-task/retries-async} does; it needs {@code CREATE} or {@code
   * CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES} on {@code Batch}. Retries above 0 resolve the tasks'
   * failedExternalTask incidents, 0 opens them. Ids that match no task are ignored; a negative
   * count is refused before anything is written (Camunda fails the batch jobs instead).
   */
  public Batch setExternalTaskRetriesAsync(
      Caller caller, ExternalTaskSelection selection, int retries) {
    IdSelection items = selection.toIdSelection(caller, database.dialect(), clock.instant());
    checkCreateBatch(caller, Permission.CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES);
    return create(
        new NewBatch(
            Batch.TYPE_SET_EXTERNAL_TASK_RETRIES,
            items,
            SetJobRetriesConfiguration.format(JobRetries.of(retries)),
            retries < 0 ? ExternalTaskSelection.negativeRetries() : null,
            ExternalTaskSelection::nothingSelected,
            UserOperationLogEntry.OPERATION_TYPE_SET_EXTERNAL_TASK_RETRIES,
            UserOperationLogEntry.ENTITY_TYPE_EXTERNAL_TASK,
            Map.of("retries", Integer.toString(retries))),
        caller.userId());
  }

  /**
   * Creates a batch deleting the history of ended process instances (the given ids and the
   * query's instances the caller may read), as {@code POST /history/process-instance/delete}; it
   * needs {@code CREATE} or {@code CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES} on {@code
   * Batch}. Only ended instances are selected. Unlike Camunda, whose batch jobs fail later, a
   * named id that is unknown (unless {@code failIfNotExists} is false) or still running is refused
   * with nothing written.
   */
  public Batch deleteHistoricProcessInstancesAsync(
      Caller caller,
      List<String> historicProcessInstanceIds,
      HistoricProcessInstanceQuery query,
      String deleteReason,
      boolean failIfNotExists) {
    checkCreateBatch(caller, Permission.CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES);
    IdSelection selection = IdSelection.of("tern_hi_process_instance");
    if (historicProcessInstanceIds != null && !historicProcessInstanceIds.isEmpty()) {
      requireEnded(historicProcessInstanceIds, failIfNotExists);
      selection.matching(
          new HistoricProcessInstanceQuery()
              .filters()
              .set("processInstanceIds", historicProcessInstanceIds)
              .set("finished", true)
              .idsSql("hdel", database.dialect(), null));
    }
    if (query != null) {
      HistoricProcessInstanceQuery readable = query.readableBy(caller);
      readable.filters().set("finished", true);
      selection.matching(readable.idsSql(database.dialect()));
    }
    Map<String, String> logged = new LinkedHashMap<>();
    logged.put("deleteReason", deleteReason);
    return create(
        new NewBatch(
            Batch.TYPE_HISTORIC_PROCESS_INSTANCE_DELETION,
            selection,
            null,
            null,
            () -> new InvalidRequestException("historicProcessInstanceIds is empty"),
            UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY,
            UserOperationLogEntry.ENTITY_TYPE_PROCESS_INSTANCE,
            logged),
        caller.userId());
  }

  /**
   * Creates a batch correlating a message to the selected running process instances (the given
   * ids and the instances of the queries the caller may read), as {@code POST
   * /process-instance/message-async} does; it needs {@code CREATE} or {@code
   * CREATE_BATCH_CORRELATE_MESSAGE} on {@code Batch}. Each batch job correlates the message to
   * every waiting token of its instances (message start events are not triggered); an instance
   * without one is passed over. Ids of instances that do not run are left out (Camunda keeps them
   * in the batch, where they change nothing).
   *
   * @param messageName the message, or null for any message
   * @param variables set on each instance that receives the message
   */
  public Batch correlateMessageAsync(
      Caller caller,
      String messageName,
      List<String> processInstanceIds,
      ProcessInstanceQuery processInstanceQuery,
      HistoricProcessInstanceQuery historicProcessInstanceQuery,
      Map<String, dev.tern.engine.runtime.TypedValue> variables) {
    if (processInstanceIds == null && processInstanceQuery == null && historicProcessInstanceQuery == null) {
      throw new InvalidRequestException("No process instances found.");
    }
    checkCreateBatch(caller, Permission.CREATE_BATCH_CORRELATE_MESSAGE);
    IdSelection selection =
        IdSelection.of("tern_process_instance")
            .ids(processInstanceIds)
            .matching(
                processInstanceQuery == null
                    ? null
                    : processInstanceQuery.readableBy(caller).idsSql(database.dialect()))
            .matching(
                historicProcessInstanceQuery == null
                    ? null
                    : historicProcessInstanceQuery.readableBy(caller).idsSql(database.dialect()));
    Map<String, String> logged = new LinkedHashMap<>();
    logged.put("messageName", messageName);
    logged.put("nrOfVariables", Integer.toString(variables == null ? 0 : variables.size()));
    return create(
        new NewBatch(
            Batch.TYPE_CORRELATE_MESSAGE,
            selection,
            new CorrelateMessageConfiguration(messageName, variables == null ? Map.of() : variables)
                .format(),
            null,
            () ->
                new dev.tern.engine.TernException(
                    dev.tern.engine.TernException.Category.BAD_REQUEST,
                    "BadUserRequestException",
                    "Process instance ids cannot be empty: process instance ids is empty"),
            UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE,
            UserOperationLogEntry.ENTITY_TYPE_PROCESS_INSTANCE,
            logged),
        caller.userId());
  }

  /** Refuses named instances that do not exist (when asked to) or have not ended. */
  private void requireEnded(List<String> ids, boolean failIfNotExists) {
    Map<String, Boolean> ended =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, end_time IS NOT NULL AS ended FROM tern_hi_process_instance"
                            + " WHERE id = ANY(:ids)")
                    .bind("ids", ids.toArray(String[]::new))
                    .reduceRows(
                        new LinkedHashMap<String, Boolean>(),
                        (map, row) -> {
                          map.put(row.getColumn("id", String.class), row.getColumn("ended", Boolean.class));
                          return map;
                        }));
    List<String> missing = ids.stream().filter(id -> !ended.containsKey(id)).distinct().toList();
    if (failIfNotExists && !missing.isEmpty()) {
      throw new InvalidRequestException(
          "No historic process instance found with id: " + missing);
    }
    ended.entrySet().stream()
        .filter(e -> !e.getValue())
        .findFirst()
        .ifPresent(
            e -> {
              throw new InvalidRequestException(
                  "Process instance is still running, cannot delete historic process instance: "
                      + e.getKey());
            });
  }

  /**
   * What a set-retries batch is made of.
   *
   * @param invalid the error for an invalid request with a non-empty selection, or null
   * @param empty the error for a selection that names nothing
   * @param logged the operation log's properties after {@code nrOfInstances} and {@code async}
   */
  private record NewBatch(
      String type,
      IdSelection selection,
      String configuration,
      RuntimeException invalid,
      Supplier<RuntimeException> empty,
      String operationType,
      String entityType,
      Map<String, String> logged) {}

  private Batch create(NewBatch request, String userId) {
    IdSelection selection = request.selection();
    return database.inTransaction(
        handle -> {
          if (request.invalid() != null) {
            // Refused before any item is written; Camunda reports an empty selection first.
            throw selection.isEmpty() || !batches.anyItem(handle, selection)
                ? request.empty().get()
                : request.invalid();
          }
          String batchId = ids.next();
          long items =
              selection.isEmpty()
                  ? 0
                  : batches.insertItems(
                      handle,
                      batchId,
                      selection,
                      settings.invocationsPerBatchJob(request.type()));
          if (items == 0) {
            throw request.empty().get();
          }
          Batch batch = newBatch(batchId, request.type(), items, userId);
          insertBatch(handle, batch, request.configuration(), items);
          if (userId != null) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("nrOfInstances", Long.toString(items));
            properties.put("async", "true");
            properties.putAll(request.logged());
            logOperation(
                handle, request.operationType(), request.entityType(), properties, userId);
          }
          return batch;
        });
  }

  private Batch newBatch(String id, String type, long items, String userId) {
    int invocations = settings.invocationsPerBatchJob(type);
    int totalJobs = Math.toIntExact((items + invocations - 1) / invocations);
    return new Batch(
        id,
        type,
        totalJobs,
        0,
        settings.batchJobsPerSeed(type),
        invocations,
        ids.next(),
        ids.next(),
        ids.next(),
        false,
        null,
        userId,
        clock.instant(),
        null);
  }

  private void insertBatch(Handle handle, Batch batch, String configuration, long items) {
    jobDefinitions.insert(handle, definition(batch, batch.seedJobDefinitionId(), "batch-seed-job"));
    jobDefinitions.insert(
        handle, definition(batch, batch.monitorJobDefinitionId(), "batch-monitor-job"));
    jobDefinitions.insert(handle, definition(batch, batch.batchJobDefinitionId(), batch.type()));
    batches.insert(handle, new BatchStore.BatchRow(batch, configuration, items, 0));
    historicBatches.insert(
        handle,
        new HistoricBatch(
            batch.id(),
            batch.type(),
            batch.totalJobs(),
            batch.batchJobsPerSeed(),
            batch.invocationsPerBatchJob(),
            batch.seedJobDefinitionId(),
            batch.monitorJobDefinitionId(),
            batch.batchJobDefinitionId(),
            batch.tenantId(),
            batch.createUserId(),
            batch.startTime(),
            batch.executionStartTime(),
            null,
            null));
    batchJobs.insertSeedJob(handle, batch);
  }

  private static JobDefinition definition(Batch batch, String id, String jobType) {
    return JobDefinition.ofBatch(id, jobType, batch.id(), batch.tenantId());
  }

  private void logOperation(
      Handle handle, String operationType, String entityType, Map<String, String> properties,
      String userId) {
    operationLog.insert(
        handle,
        UserOperationLogEntry.ofOperation(
            ids::next, userId, clock.instant(), operationType, entityType, properties));
  }
}
