package dev.tern.rest.engine;

import dev.tern.engine.EngineHealth;
import dev.tern.engine.ProcessEngine;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import io.javalin.http.Context;

/**
 * Tern's probes, outside {@code /engine-rest} and open without credentials (they reveal no data):
 * {@code GET /health/live} answers 200 while the process serves HTTP at all; {@code GET
 * /health/ready} answers 200 when the database answers and 503 when it does not, with the job
 * executor's state in the body either way.
 */
public final class HealthResource implements RestResource {

  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";

  record DatabaseDto(String status, String schemaVersion) {}

  record JobExecutorDto(String status, boolean active, int heldJobs) {}

  record ReadinessDto(String status, DatabaseDto database, JobExecutorDto jobExecutor) {}

  record LivenessDto(String status) {}

  private final ProcessEngine engine;

  public HealthResource(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .root()
        .get(LIVE_PATH, ctx -> ctx.json(new LivenessDto(up(true))))
        .get(READY_PATH, this::ready);
  }

  private void ready(Context ctx) {
    EngineHealth health = engine.health();
    ctx.status(health.ready() ? 200 : 503);
    ctx.json(
        new ReadinessDto(
            up(health.ready()),
            new DatabaseDto(up(health.databaseAnswers()), health.schemaVersion()),
            new JobExecutorDto(
                up(health.jobExecutorStarted()), health.jobExecutorActive(), health.heldJobs())));
  }

  private static String up(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
