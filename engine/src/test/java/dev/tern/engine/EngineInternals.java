package dev.tern.engine;

import dev.tern.engine.job.JobModule;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.runtime.VariableStore;

/**
 * Test access to what a {@link ProcessEngine} keeps to itself: its database, job wiring and variable store, for tests
 * that arrange rows directly. Embedders go through the engine's services instead.
 */
public final class EngineInternals {

  private EngineInternals() {}

  public static Database database(ProcessEngine engine) {
    return engine.database();
  }

  /** The job capability's wiring; {@code job.JobFixture} reaches the job rows through it. */
  public static JobModule jobModule(ProcessEngine engine) {
    return engine.jobModule();
  }

  public static VariableStore variableStore(ProcessEngine engine) {
    return engine.variableStore();
  }
}
