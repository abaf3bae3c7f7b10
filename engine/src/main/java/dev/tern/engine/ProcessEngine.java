package dev.tern.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import dev.tern.engine.authorization.AuthorizationService;
import dev.tern.engine.authorization.AuthorizationStore;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.event.EventSubscriptionService;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.event.StartSubscriptionsOnDeploy;
import dev.tern.engine.identity.IdentityService;
import dev.tern.engine.deployment.ProcessModelCache;
import dev.tern.engine.externaltask.ExternalTaskRetriesService;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.ExternalTaskSignal;
import dev.tern.engine.externaltask.ExternalTaskStore;
import dev.tern.engine.incident.IncidentService;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.cleanup.HistoryCleanupService;
import dev.tern.engine.cleanup.HistoryCleanupSettings;
import dev.tern.engine.history.ExternalTaskLogService;
import dev.tern.engine.history.HistoricActivityInstanceService;
import dev.tern.engine.history.HistoricBatchService;
import dev.tern.engine.history.HistoricProcessInstanceService;
import dev.tern.engine.history.HistoryModule;
import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.history.InstanceHistoryRemoval;
import dev.tern.engine.history.JobHistoryService;
import dev.tern.engine.history.RemovalTimeStrategy;
import dev.tern.engine.history.UserOperationLogService;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.JobExecutor;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.job.JobModule;
import dev.tern.engine.job.JobService;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.job.RetryCycleLookup;
import dev.tern.engine.batch.BatchSettings;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.runtime.DeployedProcessLookup;
import dev.tern.engine.runtime.ExecutionService;
import dev.tern.engine.runtime.HistoricDetailService;
import dev.tern.engine.runtime.HistoricVariableInstanceService;
import dev.tern.engine.runtime.VariableInstanceService;
import dev.tern.engine.runtime.DeploymentDataRemoval;
import dev.tern.engine.runtime.JobDefinitionsOnDeploy;
import dev.tern.engine.runtime.MessageCorrelationService;
import dev.tern.engine.runtime.TimerStarts;
import dev.tern.engine.runtime.ProcessInstanceService;
import dev.tern.engine.runtime.RuntimeModule;
import dev.tern.engine.runtime.connector.HttpConnector;
import dev.tern.engine.runtime.RuntimeService;
import dev.tern.engine.runtime.VariableStore;
import dev.tern.engine.statistics.StatisticsService;
import dev.tern.engine.task.HistoricTaskService;
import dev.tern.engine.task.TaskAttachmentService;
import dev.tern.engine.task.TaskCommentService;
import dev.tern.engine.task.TaskForms;
import dev.tern.engine.task.TaskModule;
import dev.tern.engine.task.TaskService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * A running process engine: the services an embedding application (or the REST layer) calls. Build
 * one with {@link #builder()}; close it to stop the job executor and release the database.
 */
public final class ProcessEngine implements AutoCloseable {

  private final EngineSettings settings;
  private final Database database;
  private final boolean ownsDatabase;
  private final Clock clock;
  private final Ids ids;
  private final DeploymentService deploymentService;
  private final JobModule jobModule;
  private final IncidentStore incidentStore;
  private final JobExecutor jobExecutor;
  private final JobService jobService;
  private final IncidentService incidentService;
  private final JobHistoryService jobHistoryService;
  private final RuntimeModule runtime;
  private final ExternalTaskService externalTaskService;
  private final ExternalTaskRetriesService externalTaskRetries;
  private final ExternalTaskLogService externalTaskLog;
  private final BatchService batchService;
  private final HistoricBatchService historicBatchService;
  private final UserOperationLogService userOperationLogService;

  private final VariableStore variableStore;
  private final ProcessInstanceService processInstances;
  private final HistoricProcessInstanceService historicProcessInstances;
  private final HistoricActivityInstanceService historicActivityInstances;
  private final HistoricVariableInstanceService historicVariableInstances;
  private final HistoricDetailService historicDetails;
  private final ExecutionService executions;
  private final VariableInstanceService variableInstances;
  private final Authorizer authorizer = new Authorizer();
  private final MeterRegistry meterRegistry;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final EventSubscriptionService eventSubscriptionService;
  private final TaskService taskService;
  private final HistoricTaskService historicTaskService;
  private final StatisticsService statisticsService;
  private final TaskCommentService taskCommentService;
  private final TaskForms taskForms;
  private final TaskAttachmentService taskAttachmentService;
  private final HistoryCleanupService historyCleanup;

  private ProcessEngine(Builder builder) {
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.ownsDatabase = builder.database == null;
    this.meterRegistry = builder.meterRegistry;
    this.database =
        builder.database != null
            ? builder.database
            : Database.open(builder.databaseConfig, meterRegistry);
    this.ids = new Ids(clock);
    AuthorizationStore authorizationStore = new AuthorizationStore();
    this.authorizationService =
        new AuthorizationService(database, clock, ids, authorizer, authorizationStore);
    this.identityService =
        new IdentityService(
            database, clock, ids, authorizer, authorizationStore, builder.passwordHashCost);

    // History first: every other capability writes it through its ports.
    JobExecutorSettings executorSettings = builder.jobExecutorSettings;
    HistoryModule history = new HistoryModule(clock, database.dialect(), executorSettings.nodeId());
    this.incidentStore = new IncidentStore(clock, ids, history.incidents());
    // Jobs: their stores now, the executor once every capability has added its handlers.
    this.jobModule = new JobModule(database, clock, history.jobLog(), incidentStore);
    Jobs jobs = jobModule.jobs();
    JobDefinitions jobDefinitions = jobModule.jobDefinitions();
    EventSubscriptionStore eventSubscriptions = new EventSubscriptionStore(clock, ids);
    this.eventSubscriptionService = new EventSubscriptionService(database, clock);
    JobDefinitionsOnDeploy jobDefinitionsOnDeploy = new JobDefinitionsOnDeploy(ids, jobDefinitions);
    StartSubscriptionsOnDeploy startSubscriptions = new StartSubscriptionsOnDeploy(eventSubscriptions);
    TimerStarts timerStarts = new TimerStarts(clock, ids, jobs, jobDefinitions);
    this.deploymentService =
        new DeploymentService(
            database,
            clock,
            ids,
            settings,
            ProcessModelCache.DEFAULT_CAPACITY,
            new DeploymentService.DefinitionListener() {
              @Override
              public void deployed(Handle handle, ProcessDefinition definition, ProcessModel model) {
                jobDefinitionsOnDeploy.deployed(handle, definition, model);
                startSubscriptions.deployed(handle, definition, model);
                timerStarts.deployed(handle, definition, model);
              }

              @Override
              public void latestAgain(
                  Handle handle, ProcessDefinition definition, ProcessModel model) {
                startSubscriptions.latestAgain(handle, definition, model);
                timerStarts.latestAgain(handle, definition, model);
              }
            },
            new DeploymentDataRemoval(
                database.dialect(),
                jobs,
                jobDefinitions,
                incidentStore,
                new VariableStore(clock, ids),
                history.deployments(),
                eventSubscriptions));
    ExternalTaskSignal externalTaskSignal = new ExternalTaskSignal();
    ExternalTaskStore externalTaskStore =
        new ExternalTaskStore(
            clock,
            ids,
            database.dialect(),
            incidentStore,
            history.externalTaskLog(),
            externalTaskSignal);
    this.externalTaskLog = new ExternalTaskLogService(database, clock);
    DeployedProcessLookup deployedProcesses = new DeployedProcessLookup(deploymentService);
    TaskModule tasks = new TaskModule(database, clock, ids);
    HistoryRetention retention =
        HistoryRetention.of(tasks.retention(), RuntimeModule.retention(), history.retention())
            .withStrategy(builder.removalTimeStrategy);
    this.runtime =
        RuntimeModule.create(
            database,
            clock,
            ids,
            deployedProcesses,
            jobs,
            jobDefinitions,
            incidentStore,
            externalTaskStore,
            tasks.userTasks(),
            builder.beans,
            new HttpConnector(builder.httpConnectorSettings),
            settings.maxActivitiesPerTransaction(),
            retention);
    this.externalTaskService =
        new ExternalTaskService(
            database,
            clock,
            externalTaskStore,
            incidentStore,
            runtime.runtimeService(),
            new VariableStore(clock, ids),
            deployedProcesses,
            externalTaskSignal);
    // deleting an instance's history touches the history tables of tasks, the runtime and history
    InstanceHistoryRemoval instanceHistory =
        InstanceHistoryRemoval.of(
            tasks.instanceHistory(), runtime.instanceHistory(), history.instanceHistory());
    List<JobHandler> jobHandlers = new ArrayList<>(runtime.jobHandlers().all());
    jobHandlers.addAll(builder.jobHandlers);
    this.batchService =
        new BatchService(
            database,
            clock,
            ids,
            builder.batchSettings,
            jobs,
            jobDefinitions,
            incidentStore,
            externalTaskStore,
            history.batches(),
            history.operationLog(),
            instanceHistory,
            runtime.messageCorrelationService()::correlateAllIn);
    this.externalTaskRetries =
        new ExternalTaskRetriesService(
            database, clock, ids, externalTaskStore, history.operationLog());
    jobHandlers.addAll(batchService.jobHandlers());
    this.historyCleanup =
        new HistoryCleanupService(
            database, clock, ids, jobs, retention, builder.historyCleanupSettings);
    jobHandlers.add(historyCleanup.jobHandler());
    RetryCycleLookup retryCycles =
        builder.retryCycleLookup != null
            ? builder.retryCycleLookup
            : RetryCycleLookup.fromModels(deploymentService.processModelCache());
    JobModule.Started started =
        jobModule.start(
            jobHandlers,
            retryCycles,
            executorSettings,
            settings.jobExecutorActive(),
            meterRegistry);
    this.jobExecutor = started.executor();
    this.jobService = started.service();
    historyCleanup.useJobService(jobService);
    this.incidentService = new IncidentService(database, clock, incidentStore);
    this.jobHistoryService = new JobHistoryService(database, clock);
    if (builder.startJobExecutor) {
      jobExecutor.start();
    }
    this.historicBatchService = new HistoricBatchService(database);
    this.userOperationLogService = new UserOperationLogService(database);
    this.variableStore = runtime.variableStore();
    this.processInstances = runtime.processInstanceService();
    this.historicProcessInstances =
        new HistoricProcessInstanceService(database, instanceHistory);
    this.historicActivityInstances = new HistoricActivityInstanceService(database, clock);
    this.historicVariableInstances = new HistoricVariableInstanceService(database, clock);
    this.historicDetails = new HistoricDetailService(database, clock);
    this.executions = runtime.executionService();
    this.variableInstances = runtime.variableInstanceService();
    this.taskService = tasks.taskService(runtime.runtimeService(), variableStore, authorizer, history.operationLog());
    this.historicTaskService = tasks.historicTaskService(authorizer);
    this.statisticsService = new StatisticsService(database, authorizer);
    this.taskCommentService = tasks.commentService(authorizer);
    this.taskForms = tasks.forms(taskService, deploymentService);
    this.taskAttachmentService = tasks.attachmentService(authorizer);
  }

  /**
   * Where the engine's meters go (job executor, connection pool); an empty composite unless the
   * builder was given one, so meters cost nothing when nobody reads them.
   */
  public MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  /** Whether the database answers now, its schema version, and the job executor's state. */
  public EngineHealth health() {
    return new EngineHealth(
        database.answers(),
        database.schemaVersion(),
        jobExecutor.isStarted(),
        jobExecutor.isActive(),
        jobExecutor.heldJobs());
  }

  public static Builder builder() {
    return new Builder();
  }

  public String name() {
    return settings.name();
  }

  public EngineSettings settings() {
    return settings;
  }

  /** For tests, through {@code EngineInternals}; embedders use the services. */
  Database database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  public Ids ids() {
    return ids;
  }

  /** Camunda's authorizations: who may do what; {@link Authorizer} decides the checks. */
  public AuthorizationService authorizationService() {
    return authorizationService;
  }

  /** Decides authorization checks for a {@code Caller} (commands) and filters queries. */
  public Authorizer authorizer() {
    return authorizer;
  }

  /** Users, groups, tenants and their memberships; password checks. */
  public IdentityService identityService() {
    return identityService;
  }

  /** Event subscriptions of waiting tokens and start events ({@code GET /event-subscription}). */
  public EventSubscriptionService eventSubscriptionService() {
    return eventSubscriptionService;
  }

  /** Camunda's condition evaluation: starts instances at conditional start events ({@code POST /condition}). */
  public dev.tern.engine.runtime.ConditionEvaluationService conditionEvaluationService() {
    return runtime.conditionEvaluationService();
  }

  /** Message correlation ({@code POST /message}). */
  public MessageCorrelationService messageCorrelationService() {
    return runtime.messageCorrelationService();
  }

  /** Messages and signals to one execution ({@code /execution/{id}/…}). */
  public dev.tern.engine.runtime.ExecutionTriggers executionTriggers() {
    return runtime.executionTriggers();
  }

  /** Signals from outside ({@code POST /signal}). */
  public dev.tern.engine.runtime.SignalService signalService() {
    return runtime.signalService();
  }

  /** Deployments and process definitions. */
  public DeploymentService deploymentService() {
    return deploymentService;
  }

  /** Parsed process models by process definition id. */
  public ProcessModelCache processModelCache() {
    return deploymentService.processModelCache();
  }

  /** Jobs and job definitions: query, execute, retries, due dates, suspension, deletion. */
  public JobService jobService() {
    return jobService;
  }

  /** Runtime incidents. */
  public IncidentService incidentService() {
    return incidentService;
  }

  /** The job log and historic incidents. */
  public JobHistoryService jobHistoryService() {
    return jobHistoryService;
  }

  /** This node's job executor (pause, resume, {@code executeDueJobs()} in tests). */
  public JobExecutor jobExecutor() {
    return jobExecutor;
  }

  /** The job capability's wiring, for tests through {@code EngineInternals}. */
  JobModule jobModule() {
    return jobModule;
  }

  /** Starting process instances and moving waiting tokens on. */
  public RuntimeService runtimeService() {
    return runtime.runtimeService();
  }

  /** External tasks: fetch and lock, complete, failures, BPMN errors, queries, retries. */
  public ExternalTaskService externalTaskService() {
    return externalTaskService;
  }

  /** Setting the retries of many external tasks at once; the batch variant is on {@link #batchService()}. */
  public ExternalTaskRetriesService externalTaskRetries() {
    return externalTaskRetries;
  }

  /** The external task log ({@code /history/external-task-log}). */
  public ExternalTaskLogService externalTaskLog() {
    return externalTaskLog;
  }

  /** Batches: set job retries asynchronously, batch statistics, suspension, deletion. */
  public BatchService batchService() {
    return batchService;
  }

  public HistoricBatchService historicBatchService() {
    return historicBatchService;
  }

  public UserOperationLogService userOperationLogService() {
    return userOperationLogService;
  }

  VariableStore variableStore() {
    return variableStore;
  }

  /** Running process instances: queries, deletion, suspension, variables. */
  public ProcessInstanceService processInstances() {
    return processInstances;
  }

  /** Historic process instances: look-up and queries. */
  public HistoricProcessInstanceService historicProcessInstances() {
    return historicProcessInstances;
  }

  /** Activity history: which activities each instance passed, when, and how they ended. */
  public HistoricActivityInstanceService historicActivityInstances() {
    return historicActivityInstances;
  }

  /** Variable history: the latest value of every variable, deleted ones included on request. */
  /** Executions (process instances and their resting tokens) and their local variables. */
  public ExecutionService executions() {
    return executions;
  }

  /** Runtime variables across instances ({@code /variable-instance}). */
  public VariableInstanceService variableInstances() {
    return variableInstances;
  }

  public HistoricVariableInstanceService historicVariableInstances() {
    return historicVariableInstances;
  }

  /** Variable updates ({@code /history/detail}). */
  public HistoricDetailService historicDetails() {
    return historicDetails;
  }

  /** User tasks: queries, claiming, delegation, completion, identity links, task variables. */
  public TaskService taskService() {
    return taskService;
  }

  /** Task forms: form variables and deployed forms. */
  public TaskForms taskForms() {
    return taskForms;
  }

  /** Comments on tasks (open or ended). */
  public TaskCommentService taskCommentService() {
    return taskCommentService;
  }

  /** Attachments of tasks (open or ended): links or uploaded content. */
  public TaskAttachmentService taskAttachmentService() {
    return taskAttachmentService;
  }

  /** Task history: historic task instances and the identity link log. */
  public HistoricTaskService historicTaskService() {
    return historicTaskService;
  }

  /** History cleanup: the cleanup job, its batch window and settings. */
  public HistoryCleanupService historyCleanup() {
    return historyCleanup;
  }

  /** Running instances, failed jobs and incidents per definition or activity (Cockpit's counts). */
  public StatisticsService statisticsService() {
    return statisticsService;
  }

  @Override
  public void close() {
    jobExecutor.close();
    if (ownsDatabase) {
      database.close();
    }
  }

  /** Builds a {@link ProcessEngine}; every setting has a named default. */
  public static final class Builder {
    private DatabaseConfig databaseConfig =
        DatabaseConfig.of(DatabaseConfig.DEFAULT_H2_URL, "sa", "");
    private Database database;
    private Clock clock = Clock.systemUTC();
    private EngineSettings settings = EngineSettings.defaults();
    private Map<String, Object> beans = Map.of();
    private HttpConnector.Settings httpConnectorSettings = HttpConnector.Settings.defaults();
    private JobExecutorSettings jobExecutorSettings = JobExecutorSettings.defaults();
    private final List<JobHandler> jobHandlers = new ArrayList<>();
    private RetryCycleLookup retryCycleLookup;
    private boolean startJobExecutor = true;
    private BatchSettings batchSettings = BatchSettings.defaults();
    private int passwordHashCost = IdentityService.DEFAULT_HASH_COST;
    private HistoryCleanupSettings historyCleanupSettings = HistoryCleanupSettings.defaults();
    private RemovalTimeStrategy removalTimeStrategy = RemovalTimeStrategy.END;
    private MeterRegistry meterRegistry = new CompositeMeterRegistry();

    private Builder() {}

    /** Where the engine registers its meters (e.g. a Prometheus registry); none by default. */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = Objects.requireNonNull(meterRegistry);
      return this;
    }

    public Builder jobExecutorSettings(JobExecutorSettings jobExecutorSettings) {
      this.jobExecutorSettings = Objects.requireNonNull(jobExecutorSettings);
      return this;
    }

    /** Adds a job handler (e.g. for embedding or tests) next to the engine's own. */
    public Builder jobHandler(JobHandler handler) {
      this.jobHandlers.add(Objects.requireNonNull(handler));
      return this;
    }

    /** Where {@code camunda:failedJobRetryTimeCycle} comes from (default: the process model). */
    public Builder retryCycleLookup(RetryCycleLookup lookup) {
      this.retryCycleLookup = Objects.requireNonNull(lookup);
      return this;
    }

    /**
     * Whether {@link #build()} starts the job executor's threads (default true; whether they claim
     * is {@link EngineSettings#jobExecutorActive()}). Tests that drive jobs with {@code
     * jobExecutor().executeDueJobs()} turn this off.
     */
    public Builder startJobExecutor(boolean start) {
      this.startJobExecutor = start;
      return this;
    }

    public Builder databaseConfig(DatabaseConfig databaseConfig) {
      this.databaseConfig = Objects.requireNonNull(databaseConfig);
      return this;
    }

    /** Uses a database the caller opened and will close. */
    public Builder database(Database database) {
      this.database = Objects.requireNonNull(database);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      return this;
    }

    /** Limits of the {@code http-connector} (response size, redirects to local addresses). */
    public Builder httpConnector(HttpConnector.Settings settings) {
      this.httpConnectorSettings = Objects.requireNonNull(settings);
      return this;
    }

    /** Named objects that expressions such as {@code ${mailer.send(order)}} can reach. */
    public Builder beans(Map<String, Object> beans) {
      this.beans = Map.copyOf(beans);
      return this;
    }

    /** How batches are cut into jobs; {@link BatchSettings#defaults()} unless set. */
    public Builder batchSettings(BatchSettings batchSettings) {
      this.batchSettings = Objects.requireNonNull(batchSettings);
      return this;
    }

    /**
     * bcrypt's cost (log2 of its rounds) for new password hashes; default {@value
     * IdentityService#DEFAULT_HASH_COST}. Tests lower it to 4 (the least bcrypt allows).
     */
    public Builder passwordHashCost(int cost) {
      if (cost < 4 || cost > 31) {
        throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, was " + cost);
      }
      this.passwordHashCost = cost;
      return this;
    }

    /** The history cleanup's batch window and sizes; {@link HistoryCleanupSettings#defaults()} unless set. */
    public Builder historyCleanupSettings(HistoryCleanupSettings settings) {
      this.historyCleanupSettings = Objects.requireNonNull(settings);
      return this;
    }

    /** Camunda's {@code historyRemovalTimeStrategy}; {@link RemovalTimeStrategy#END} unless set. */
    public Builder historyRemovalTimeStrategy(RemovalTimeStrategy strategy) {
      this.removalTimeStrategy = Objects.requireNonNull(strategy);
      return this;
    }

    public ProcessEngine build() {
      return new ProcessEngine(this);
    }
  }
}
