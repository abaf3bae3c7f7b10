package dev.tern.rest.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.job.JobService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.CamundaDates;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** Camunda's {@code /job} resource. */
public final class JobResource implements RestResource {

  /** The comparison operators {@code dueDates} and {@code createTimes} accept, as in Camunda. */
  public static final Set<String> DATE_OPERATORS = Set.of("gt", "lt");

  private final JobService jobs;

  public JobResource(ProcessEngine engine) {
    this.jobs = engine.jobService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/job", this::list)
        .post("/job", this::list)
        .get("/job/count", this::count)
        .post("/job/count", this::count)
        .get("/job/{id}", ctx -> ctx.json(JobDto.of(jobs.getJob(Callers.of(ctx), ctx.pathParam("id")))))
        .get("/job/{id}/stacktrace", this::stacktrace)
        .post("/job/{id}/execute", this::execute)
        .put("/job/{id}/retries", this::retries)
        .put("/job/{id}/duedate", this::dueDate)
        .put("/job/{id}/suspended", this::suspended)
        .delete("/job/{id}", this::delete);
  }

  /** A {@link JobQuery} from a {@code GET} query string or a {@code POST} body. */
  public JobQuery query(Context ctx) {
    if (ctx.method().name().equals("POST")) {
      return query(jobs, JsonBodies.readOrNull(ctx, JsonNode.class));
    }
    JobQuery query = jobs.createJobQuery();
    QueryRequests.fill(ctx, query.filters(), DATE_OPERATORS);
    return query;
  }

  /**
   * A {@link JobQuery} from Camunda's {@code JobQueryDto} as JSON: the body of {@code POST /job},
   * and the {@code jobQuery} of bulk requests, so both accept the same fields with the same
   * validation. Null or JSON null selects every job.
   */
  public static JobQuery query(JobService jobs, JsonNode body) {
    JobQuery query = jobs.createJobQuery();
    FilterParams.fromJson(body, query.filters(), DATE_OPERATORS);
    return query;
  }

  private void list(Context ctx) {
    JobQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        jobs.listJobs(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(JobDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, jobs.countJobs(Callers.of(ctx), query(ctx)));
  }

  private void stacktrace(Context ctx) {
    String stacktrace = jobs.getStacktrace(Callers.of(ctx), ctx.pathParam("id"));
    ctx.contentType("text/plain").result(stacktrace == null ? "" : stacktrace);
  }

  private void execute(Context ctx) {
    jobs.executeJob(Callers.of(ctx), ctx.pathParam("id"));
    Responses.noContent(ctx);
  }

  private void retries(Context ctx) {
    JsonNode body = JsonBodies.readObject(ctx);
    JsonNode retries = body.get("retries");
    if (retries == null || retries.isNull() || !retries.isIntegralNumber() || !retries.canConvertToInt()) {
      throw new InvalidRequestException(
          "The number of job retries must be a non-negative Integer, but '"
              + (retries == null || retries.isNull() ? "null" : retries.asText())
              + "' has been provided.");
    }
    JsonNode dueDate = body.get("dueDate");
    boolean setDueDate = dueDate != null && !dueDate.isNull();
    jobs.setRetries(
        Callers.of(ctx),
        ctx.pathParam("id"), retries.intValue(), setDueDate ? date("dueDate", dueDate) : null, setDueDate);
    Responses.noContent(ctx);
  }

  private void dueDate(Context ctx) {
    JsonNode body = JsonBodies.readObject(ctx);
    JsonNode dueDate = body.get("duedate");
    jobs.setDueDate(
        Callers.of(ctx),
        ctx.pathParam("id"), dueDate == null || dueDate.isNull() ? null : date("duedate", dueDate));
    Responses.noContent(ctx);
  }

  private void suspended(Context ctx) {
    JsonNode body = JsonBodies.readObject(ctx);
    jobs.setSuspended(Callers.of(ctx), ctx.pathParam("id"), bool(body, "suspended"));
    Responses.noContent(ctx);
  }

  private void delete(Context ctx) {
    jobs.deleteJob(Callers.of(ctx), ctx.pathParam("id"));
    Responses.noContent(ctx);
  }

  static boolean bool(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InvalidRequestException(
          "Invalid value for '" + field + "': expected a boolean, got " + value);
    }
    return value.booleanValue();
  }

  static Instant date(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw new InvalidRequestException(
          "Invalid value for '" + field + "': expected a date string, got " + value);
    }
    return CamundaDates.parse(value.asText())
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Cannot convert value \"" + value.asText() + "\" to java type java.util.Date"));
  }
}
