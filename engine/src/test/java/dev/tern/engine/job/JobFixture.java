package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoryModule;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.util.List;

/**
 * Arranges job and job definition rows of an engine directly (tests of any package); tests of
 * this package also reach the engine's job store itself.
 */
public final class JobFixture {

  private JobFixture() {}

  public static Job insert(ProcessEngine engine, Job job) {
    EngineInternals.database(engine).useTransaction(h -> store(engine).insert(h, job));
    return job;
  }

  public static JobDefinition insert(ProcessEngine engine, JobDefinition definition) {
    EngineInternals.database(engine)
        .useTransaction(h -> EngineInternals.jobModule(engine).jobDefinitions().insert(h, definition));
    return definition;
  }

  /** An incident store writing its history to {@code history}. */
  public static IncidentStore incidents(Clock clock, HistoryModule history) {
    return new IncidentStore(clock, new Ids(clock), history.incidents());
  }

  /** The job definitions of a process definition, as stored. */
  public static List<JobDefinition> definitionsOf(Database database, String processDefinitionId) {
    return database.withHandle(
        h -> new JobDefinitionStore().findByProcessDefinition(h, processDefinitionId));
  }

  public static void insert(Database database, JobDefinition definition) {
    database.useTransaction(h -> new JobDefinitionStore().insert(h, definition));
  }

  static JobStore store(ProcessEngine engine) {
    return EngineInternals.jobModule(engine).store();
  }
}
