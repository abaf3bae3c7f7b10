package dev.tern.engine.runtime;

import dev.tern.engine.history.HistoryModule;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobExecutor;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.job.JobFixture;
import dev.tern.engine.job.JobModule;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.job.RetryCycleLookup;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The interpreter on a test database with a mutable clock and models registered in memory; jobs
 * run through the job capability's real runner and executor, driven synchronously
 * ({@link JobExecutor#executeDueJobs()}).
 */
final class RuntimeTestKit {

  final Database database;
  final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  final Ids ids = new Ids(clock);
  final RuntimeService runtime;
  final RuntimeJobHandlers handlers;
  final JobExecutor jobExecutor;
  private final Jobs jobs;
  private final Map<String, DeployedProcess> processes = new ConcurrentHashMap<>();

  RuntimeTestKit(TestDatabase db) {
    this(db, Map.of());
  }

  RuntimeTestKit(TestDatabase db, Map<String, Object> beans) {
    this.database = db.database();
    HistoryModule history = new HistoryModule(clock, database.dialect(), "test-node");
    IncidentStore incidents = JobFixture.incidents(clock, history);
    JobModule jobModule = new JobModule(database, clock, history.jobLog(), incidents);
    this.jobs = jobModule.jobs();
    RuntimeModule module =
        RuntimeModule.create(
            database,
            clock,
            ids,
            new InMemoryProcesses(),
            jobs,
            jobModule.jobDefinitions(),
            incidents,
            ExternalTasks.NONE,
            UserTasks.NONE,
            beans,
            new dev.tern.engine.runtime.connector.HttpConnector(),
            dev.tern.engine.EngineSettings.DEFAULT_MAX_ACTIVITIES_PER_TRANSACTION,
            RuntimeModule.retention());
    this.runtime = module.runtimeService();
    this.handlers = module.jobHandlers();
    RetryCycleLookup retryCycles =
        (handle, job) ->
            Optional.ofNullable(processes.get(job.processDefinitionId()))
                .flatMap(p -> p.model().findNode(job.activityId()))
                .map(node -> node.continuation().failedJobRetryTimeCycle());
    this.jobExecutor =
        jobModule
            .start(
                handlers.all(),
                retryCycles,
                JobExecutorSettings.defaults().withNodeId("test-node"),
                true)
            .executor();
  }

  /** Registers a model as a new deployed definition and returns its id. */
  String deploy(dev.tern.engine.deployment.model.ProcessModel model) {
    int version =
        (int) processes.values().stream().filter(p -> p.key().equals(model.key())).count() + 1;
    String id = ids.next();
    processes.put(
        id, new DeployedProcess(id, model.key(), model.name(), version, ids.next(), null, false, model));
    return id;
  }

  /** Parses BPMN XML with the deployment's parser and registers its (single) process. */
  String deployXml(String xml) {
    List<dev.tern.engine.deployment.model.ProcessModel> models =
        new dev.tern.engine.deployment.BpmnParser(false)
            .parse("test.bpmn", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return deploy(models.get(0));
  }

  String deploy(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
    return deployXml(org.camunda.bpm.model.bpmn.Bpmn.convertToString(model));
  }

  String deploymentOf(String definitionId) {
    return processes.get(definitionId).deploymentId();
  }

  ProcessInstance start(String definitionId) {
    return runtime.startProcessInstanceById(definitionId, null, Map.of());
  }

  ProcessInstance start(String definitionId, Map<String, ?> variables) {
    return runtime.startProcessInstanceById(definitionId, null, variables);
  }

  /** Runs every due job (failed attempts included) on this thread; returns the number of runs. */
  int runDueJobs() {
    return jobExecutor.executeDueJobs();
  }

  List<Job> jobs(String processInstanceId) {
    return database.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT id FROM tern_job WHERE process_instance_id = :pi ORDER BY create_time, id")
                .bind("pi", processInstanceId)
                .mapTo(String.class)
                .list()
                .stream()
                .map(id -> jobs.findById(h, id).orElseThrow())
                .toList());
  }

  /**
   * A timer job that nothing in the model made, due in a day, on an execution of the instance: a
   * job a token's end must not leave behind.
   */
  Job insertStrayTimer(Job beside, String executionId) {
    Job stray =
        beside.toBuilder()
            .id(ids.next())
            .kind(Job.TIMER)
            .handlerType("timer-transition")
            .handlerConfig(null)
            .jobDefinitionId(null)
            .executionId(executionId)
            .dueDate(clock.instant().plus(java.time.Duration.ofDays(1)))
            .build();
    database.useTransaction(h -> jobs.insert(h, stray));
    return stray;
  }

  Job onlyJob(String processInstanceId) {
    List<Job> jobs = jobs(processInstanceId);
    if (jobs.size() != 1) {
      throw new AssertionError("Expected one job, found " + jobs.size() + ": " + jobs);
    }
    return jobs.get(0);
  }

  List<ExecutionRow> executions(String processInstanceId) {
    return database.withHandle(h -> new ExecutionStore().findByInstance(h, processInstanceId));
  }

  Map<String, TypedValue> variables(String processInstanceId) {
    return database.withHandle(h -> new VariableStore(clock, ids).all(h, processInstanceId));
  }

  Object variable(String processInstanceId, String name) {
    TypedValue value = variables(processInstanceId).get(name);
    return value == null ? null : value.value();
  }

  boolean instanceExists(String processInstanceId) {
    return count("SELECT COUNT(*) FROM tern_process_instance WHERE id = ?", processInstanceId) > 0;
  }

  Map<String, Object> historicInstance(String processInstanceId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM tern_hi_process_instance WHERE id = :id")
                .bind("id", processInstanceId)
                .mapToMap()
                .one());
  }

  /** Activity ids of the historic activity instances of an instance, in start order. */
  List<Map<String, Object>> historicActivities(String processInstanceId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM tern_hi_activity_instance WHERE process_instance_id = :pi"
                        + " ORDER BY start_time, id")
                .bind("pi", processInstanceId)
                .mapToMap()
                .list());
  }

  List<String> historicActivityIds(String processInstanceId) {
    List<String> ids = new ArrayList<>();
    historicActivities(processInstanceId).forEach(row -> ids.add((String) row.get("activity_id")));
    return ids;
  }

  long count(String sql, Object... args) {
    return database.withHandle(
        h -> {
          var query = h.createQuery(sql);
          for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
          }
          return query.mapTo(Long.class).one();
        });
  }

  private final class InMemoryProcesses implements DeployedProcesses {
    @Override
    public Optional<DeployedProcess> findById(Handle handle, String definitionId) {
      return Optional.ofNullable(processes.get(definitionId));
    }

    @Override
    public Optional<DeployedProcess> findLatestByKey(Handle handle, String key, String tenantId) {
      return processes.values().stream()
          .filter(p -> p.key().equals(key) && java.util.Objects.equals(p.tenantId(), tenantId))
          .max(Comparator.comparingInt(DeployedProcess::version));
    }
  }
}
