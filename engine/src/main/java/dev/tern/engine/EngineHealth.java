package dev.tern.engine;

/**
 * A node's health at one moment.
 *
 * @param databaseAnswers the database answered a trivial statement just now
 * @param schemaVersion the schema version the database was migrated to when the engine started
 * @param jobExecutorStarted the job executor's threads run (false when built without starting them,
 *     or once closed)
 * @param jobExecutorActive the job executor claims jobs (false while an operator paused it)
 * @param heldJobs jobs this node holds right now, claimed or running
 */
public record EngineHealth(
    boolean databaseAnswers,
    String schemaVersion,
    boolean jobExecutorStarted,
    boolean jobExecutorActive,
    int heldJobs) {

  /** Ready to serve: the database answers (a paused job executor is an operator's choice). */
  public boolean ready() {
    return databaseAnswers;
  }
}
