package dev.tern.engine;

import dev.tern.engine.job.JobDefinitionStore;
import dev.tern.engine.job.JobStore;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.runtime.VariableStore;

/**
 * Test access to what a {@link ProcessEngine} keeps to itself: its database and stores, for tests
 * that arrange rows directly. Embedders go through the engine's services instead.
 */
public final class EngineInternals {

  private EngineInternals() {}

  public static Database database(ProcessEngine engine) {
    return engine.database();
  }

  public static JobStore jobStore(ProcessEngine engine) {
    return engine.jobStore();
  }

  public static JobDefinitionStore jobDefinitionStore(ProcessEngine engine) {
    return engine.jobDefinitionStore();
  }

  public static VariableStore variableStore(ProcessEngine engine) {
    return engine.variableStore();
  }
}
