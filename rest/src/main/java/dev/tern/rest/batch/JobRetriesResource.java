package dev.tern.rest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.job.QuerySql;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * Setting job retries: asynchronously as a batch ({@code POST /process-instance/job-retries},
 * {@code …/job-retries-historic-query-based}, {@code POST /job/retries}) and at once for a job
 * definition's failed jobs ({@code PUT /job-definition/{id}/retries}).
 *
 * <p>No user is authenticated yet, so batches are created without a user and, as in Camunda
 * (which restricts the operation log to authenticated users by default), without a user operation
 * log entry.
 */
public final class JobRetriesResource implements RestResource {

  private final BatchService batches;
  private final SelectionQueries queries;

  public JobRetriesResource(ProcessEngine engine) {
    this.batches = engine.batchService();
    this.queries = new SelectionQueries(engine);
  }

  /** The union of Camunda's {@code SetJobRetriesByProcessDto} and {@code SetJobRetriesDto}. */
  record SetJobRetriesDto(
      List<String> processInstances,
      JsonNode processInstanceQuery,
      JsonNode historicProcessInstanceQuery,
      List<String> jobIds,
      JsonNode jobQuery,
      Integer retries,
      Instant dueDate) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/process-instance/job-retries", ctx -> byProcess(ctx, false))
        .post("/process-instance/job-retries-historic-query-based", ctx -> byProcess(ctx, true))
        .post("/job/retries", this::byJobs)
        .put("/job-definition/{id}/retries", this::byJobDefinition);
  }

  private void byProcess(Context ctx, boolean historic) {
    Request request = read(ctx);
    SetJobRetriesDto dto = request.dto();
    QuerySql runtime = historic ? null : queries.processInstances(dto.processInstanceQuery());
    QuerySql history =
        historic ? queries.historicProcessInstances(dto.historicProcessInstanceQuery()) : null;
    Batch batch =
        batches.setJobRetriesByProcessAsync(
            dto.processInstances(), runtime, history, request.retries(), null);
    ctx.json(BatchDto.of(batch));
  }

  private void byJobs(Context ctx) {
    Request request = read(ctx);
    SetJobRetriesDto dto = request.dto();
    Batch batch =
        batches.setJobRetriesAsync(
            dto.jobIds(), queries.jobs(dto.jobQuery()), request.retries(), null);
    ctx.json(BatchDto.of(batch));
  }

  private void byJobDefinition(Context ctx) {
    Request request = read(ctx);
    batches.setJobRetriesByJobDefinition(ctx.pathParam("id"), request.retries());
    Responses.noContent(ctx);
  }

  private record Request(SetJobRetriesDto dto, JobRetries retries) {}

  /** Reads the body with Camunda's checks and messages, in Camunda's order. */
  private static Request read(Context ctx) {
    JsonBodies.requireJson(ctx);
    if (ctx.body().isBlank()) {
      throw new InvalidRequestException("retries is null");
    }
    JsonNode tree = JsonBodies.readOrNull(ctx, JsonNode.class);
    if (tree == null) {
      throw new InvalidRequestException("setJobRetriesDto is null");
    }
    if (!tree.isObject()) {
      throw new InvalidRequestException(
          "Invalid request body: expected a JSON object with 'retries', got "
              + (tree.isArray() ? "an array" : "a " + tree.getNodeType().name().toLowerCase()));
    }
    SetJobRetriesDto dto = JsonBodies.readOrNull(ctx, SetJobRetriesDto.class);
    if (dto.retries() == null) {
      throw new InvalidRequestException("retries is null");
    }
    JobRetries retries =
        tree.has("dueDate")
            ? JobRetries.withDueDate(dto.retries(), dto.dueDate())
            : JobRetries.of(dto.retries());
    return new Request(dto, retries);
  }
}
