package dev.tern.rest.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.job.JobExecutor;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.JsonBodies;
import io.javalin.http.Context;

/**
 * {@code GET}/{@code PUT /admin/job-executor} (outside {@code /engine-rest}; Camunda has no such
 * endpoint): pause and resume this node's job executor. Paused means no job is claimed; running
 * jobs finish.
 */
public final class JobExecutorAdminResource implements RestResource {

  /** {@code {"active": true|false}} */
  public record JobExecutorStateDto(boolean active) {}

  private final JobExecutor executor;

  public JobExecutorAdminResource(ProcessEngine engine) {
    this.executor = engine.jobExecutor();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .root()
        .get("/admin/job-executor", this::state)
        .put("/admin/job-executor", this::update);
  }

  private void state(Context ctx) {
    ctx.json(new JobExecutorStateDto(executor.isActive()));
  }

  private void update(Context ctx) {
    JsonNode active = JsonBodies.readObject(ctx).get("active");
    if (active == null || !active.isBoolean()) {
      throw new InvalidRequestException(
          "Invalid value for 'active': expected true or false, got " + active);
    }
    if (active.booleanValue()) {
      executor.resume();
    } else {
      executor.pause();
    }
    state(ctx);
  }
}
