package dev.tern.engine.runtime;

import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.runtime.connector.HttpConnector;
import dev.tern.engine.el.Expressions;
import java.time.Clock;
import java.util.Map;

/** Wires the interpreter and exposes what the rest of the engine uses of it. */
public final class RuntimeModule {

  private final RuntimeService runtimeService;
  private final RuntimeJobHandlers jobHandlers;
  private final ExecutionTriggers executionTriggers;
  private final ProcessInstanceService processInstanceService;
  private final VariableStore variableStore;
  private final MessageCorrelationService messageCorrelationService;
  private final ConditionEvaluationService conditionEvaluationService;
  private final SignalService signalService;
  private final ExecutionService executionService;
  private final Database database;
  private final Clock clock;

  private RuntimeModule(
      Database database,
      Clock clock,
      RuntimeService runtimeService,
      RuntimeJobHandlers jobHandlers,
      ProcessInstanceService processInstanceService,
      VariableStore variableStore,
      MessageCorrelationService messageCorrelationService,
      SignalService signalService,
      LocalVariables localVariables,
      ExecutionTriggers executionTriggers,
      ConditionEvaluationService conditionEvaluationService) {
    this.executionTriggers = executionTriggers;
    this.conditionEvaluationService = conditionEvaluationService;
    this.executionService = new ExecutionService(database, clock, processInstanceService, localVariables);
    this.messageCorrelationService = messageCorrelationService;
    this.signalService = signalService;
    this.database = database;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.jobHandlers = jobHandlers;
    this.processInstanceService = processInstanceService;
    this.variableStore = variableStore;
  }

  /**
   * @param processes finds deployed definitions and their models
   * @param externalTasks keeps the external tasks tokens wait in ({@link ExternalTasks#NONE}
   *     refuses them)
   * @param userTasks keeps the user tasks tokens wait in
   * @param beans named objects expressions can reach
   * @param httpConnector runs {@code http-connector} service tasks
   * @param maxActivitiesPerTransaction see {@link dev.tern.engine.EngineSettings}
   * @param retention sets the removal time of all history of a root instance when it ends
   */
  public static RuntimeModule create(
      Database database,
      Clock clock,
      Ids ids,
      DeployedProcesses processes,
      Jobs jobStore,
      JobDefinitions jobDefinitionStore,
      IncidentStore incidentStore,
      ExternalTasks externalTasks,
      UserTasks userTasks,
      Map<String, Object> beans,
      HttpConnector httpConnector,
      int maxActivitiesPerTransaction,
      HistoryRetention retention) {
    ParameterValues parameters = new ParameterValues(new Expressions(clock));
    ProcessInstanceStore instances = new ProcessInstanceStore();
    ExecutionStore executions = new ExecutionStore();
    RuntimeHistoryStore history = new RuntimeHistoryStore(database.dialect(), retention);
    RuntimeJobs jobs = new RuntimeJobs(jobStore, incidentStore, clock, ids);
    VariableStore variables = new VariableStore(clock, ids);
    EventSubscriptionStore subscriptions = new EventSubscriptionStore(clock, ids);
    InstanceRemoval removal =
        new InstanceRemoval(
            executions, variables, jobs, jobStore, incidentStore, externalTasks, userTasks, history);
    Interpreter interpreter =
        new Interpreter(
            clock,
            ids,
            processes,
            instances,
            executions,
            history,
            jobs,
            jobDefinitionStore,
            variables,
            parameters,
            new ServiceTasks(parameters, httpConnector),
            externalTasks,
            subscriptions,
            new TimerStarts(clock, ids, jobStore, jobDefinitionStore),
            userTasks,
            removal,
            new ExecutionReferences(
                executions,
                variables,
                jobStore,
                jobs,
                incidentStore,
                externalTasks,
                userTasks,
                subscriptions),
            beans,
            maxActivitiesPerTransaction);
    ProcessInstanceService processInstanceService =
        new ProcessInstanceService(
            database,
            clock,
            instances,
            variables,
            removal,
            processes,
            new ActivityInstanceTree(executions),
            interpreter::variablesChanged);
    return new RuntimeModule(
        database,
        clock,
        new RuntimeService(database, processes, interpreter),
        new RuntimeJobHandlers(interpreter),
        processInstanceService,
        variables,
        new MessageCorrelationService(database, clock, processes, subscriptions, interpreter),
        new SignalService(
            database, new SignalReceivers(subscriptions, clock), interpreter, processes),
        new LocalVariables(database, variables, executions, processes, processInstanceService),
        new ExecutionTriggers(database, clock, subscriptions, executions, instances, interpreter, processes),
        new ConditionEvaluationService(
            database,
            processes,
            subscriptions,
            interpreter,
            new ConditionalEvents(parameters.expressions())));
  }

  /** Removal times and expiry of instance, activity and variable history (with its updates). */
  public static HistoryRetention retention() {
    return HistoryRetention.of(
        HistoryRetention.ofInstanceTables(
            "tern_hi_activity_instance", "tern_hi_variable", "tern_hi_detail"),
        HistoryRetention.ofInstances());
  }

  /** Deletes the instance, activity and variable history of process instances. */
  public dev.tern.engine.history.InstanceHistoryRemoval instanceHistory() {
    RuntimeHistoryStore history = new RuntimeHistoryStore(database.dialect());
    return (handle, ids) -> {
      VariableStore.deleteHistoryOfProcessInstances(handle, ids);
      history.deleteOfProcessInstances(handle, ids);
    };
  }

  public ProcessInstanceService processInstanceService() {
    return processInstanceService;
  }

  /** Executions and their local variables. */
  public ExecutionService executionService() {
    return executionService;
  }

  /** Runtime variables across instances. */
  public VariableInstanceService variableInstanceService() {
    return new VariableInstanceService(database, clock);
  }

  public VariableStore variableStore() {
    return variableStore;
  }

  public RuntimeService runtimeService() {
    return runtimeService;
  }

  /** Message correlation ({@code POST /message}). */
  public ConditionEvaluationService conditionEvaluationService() {
    return conditionEvaluationService;
  }

  public MessageCorrelationService messageCorrelationService() {
    return messageCorrelationService;
  }

  /** Signals from outside ({@code POST /signal}). */
  public ExecutionTriggers executionTriggers() {
    return executionTriggers;
  }

  public SignalService signalService() {
    return signalService;
  }

  public RuntimeJobHandlers jobHandlers() {
    return jobHandlers;
  }
}
