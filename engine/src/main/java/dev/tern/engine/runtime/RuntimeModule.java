package dev.tern.engine.runtime;

import dev.tern.engine.history.HistoricIncidentStore;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobDefinitionStore;
import dev.tern.engine.job.JobStore;
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

  private RuntimeModule(RuntimeService runtimeService, RuntimeJobHandlers jobHandlers) {
    this.runtimeService = runtimeService;
    this.jobHandlers = jobHandlers;
  }

  /**
   * @param processes finds deployed definitions and their models
   * @param externalTasks keeps the external tasks tokens wait in ({@link ExternalTasks#NONE}
   *     refuses them)
   * @param beans named objects expressions can reach
   * @param httpConnector runs {@code http-connector} service tasks
   * @param maxActivitiesPerTransaction see {@link dev.tern.engine.EngineSettings}
   */
  public static RuntimeModule create(
      Database database,
      Clock clock,
      Ids ids,
      DeployedProcesses processes,
      JobStore jobStore,
      JobDefinitionStore jobDefinitionStore,
      IncidentStore incidentStore,
      ExternalTasks externalTasks,
      Map<String, Object> beans,
      HttpConnector httpConnector,
      int maxActivitiesPerTransaction) {
    ParameterValues parameters = new ParameterValues(new Expressions());
    Interpreter interpreter =
        new Interpreter(
            clock,
            ids,
            processes,
            new ProcessInstanceStore(
                database.dialect(), jobStore, new HistoricIncidentStore(clock)),
            new ExecutionStore(),
            new RuntimeHistoryStore(database.dialect()),
            new RuntimeJobs(jobStore, incidentStore, clock, ids),
            jobDefinitionStore,
            new VariableStore(clock, ids),
            parameters,
            new ServiceTasks(parameters, httpConnector),
            externalTasks,
            beans,
            maxActivitiesPerTransaction);
    return new RuntimeModule(
        new RuntimeService(database, processes, interpreter), new RuntimeJobHandlers(interpreter));
  }

  public RuntimeService runtimeService() {
    return runtimeService;
  }

  public RuntimeJobHandlers jobHandlers() {
    return jobHandlers;
  }
}
