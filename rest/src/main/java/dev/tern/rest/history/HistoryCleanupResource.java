package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.cleanup.BatchWindow;
import dev.tern.engine.cleanup.HistoryCleanupService;
import dev.tern.engine.job.Job;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.job.JobDto;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * {@code /history/cleanup}: scheduling the cleanup job ({@code POST}, {@code immediatelyDue}
 * defaults to true as in Camunda), the cleanup jobs, and the batch window configuration.
 */
public final class HistoryCleanupResource implements RestResource {

  private final HistoryCleanupService cleanup;

  public HistoryCleanupResource(ProcessEngine engine) {
    this.cleanup = engine.historyCleanup();
  }

  /** Camunda's {@code HistoryCleanupConfigurationDto}. */
  record HistoryCleanupConfigurationDto(
      Instant batchWindowStartTime, Instant batchWindowEndTime, boolean enabled) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/history/cleanup", this::schedule)
        .get("/history/cleanup/jobs", this::jobs)
        .get("/history/cleanup/configuration", this::configuration);
  }

  private void schedule(Context ctx) {
    Boolean immediatelyDue = QueryParams.of(ctx).bool("immediatelyDue");
    Job job = cleanup.schedule(Callers.of(ctx), !Boolean.FALSE.equals(immediatelyDue));
    ctx.json(JobDto.of(job));
  }

  private void jobs(Context ctx) {
    List<Job> jobs = cleanup.jobs();
    if (jobs.isEmpty()) {
      throw new RestException(404, "RestException", "History cleanup jobs are empty");
    }
    ctx.json(jobs.stream().map(JobDto::of).toList());
  }

  private void configuration(Context ctx) {
    BatchWindow window = cleanup.currentOrNextBatchWindow();
    ctx.json(
        new HistoryCleanupConfigurationDto(
            window == null ? null : window.start(),
            window == null ? null : window.end(),
            cleanup.settings().enabled()));
  }
}
