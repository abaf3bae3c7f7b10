package dev.tern.rest.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.job.JobDefinitionQuery;
import dev.tern.engine.job.JobService;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /job-definition} resource. */
public final class JobDefinitionResource implements RestResource {

  private final JobService jobs;

  public JobDefinitionResource(ProcessEngine engine) {
    this.jobs = engine.jobService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/job-definition", this::list)
        .post("/job-definition", this::list)
        .get("/job-definition/count", this::count)
        .post("/job-definition/count", this::count)
        .get(
            "/job-definition/{id}",
            ctx -> ctx.json(JobDefinitionDto.of(jobs.getJobDefinition(ctx.pathParam("id")))))
        .put("/job-definition/{id}/suspended", this::suspended);
  }

  private JobDefinitionQuery query(Context ctx) {
    JobDefinitionQuery query = jobs.createJobDefinitionQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    JobDefinitionQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        jobs.listJobDefinitions(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(JobDefinitionDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, jobs.countJobDefinitions(Callers.of(ctx), query(ctx)));
  }

  private void suspended(Context ctx) {
    JsonNode body = JsonBodies.readObject(ctx);
    JsonNode executionDate = body.get("executionDate");
    if (executionDate != null && !executionDate.isNull()) {
      throw new InvalidRequestException(
          "Delayed suspension (executionDate) is not supported; omit executionDate");
    }
    jobs.setJobDefinitionSuspended(
        Callers.of(ctx),
        ctx.pathParam("id"), JobResource.bool(body, "suspended"), JobResource.bool(body, "includeJobs"));
    Responses.noContent(ctx);
  }
}
