package dev.tern.rest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.job.JobService;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.job.JobResource;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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
  private final JobService jobs;

  public JobRetriesResource(ProcessEngine engine) {
    this.batches = engine.batchService();
    this.jobs = engine.jobService();
  }

  /** The body of a retries request: {@code retries} and {@code dueDate} plus its selectors. */
  interface RetriesBody {
    Integer retries();

    Instant dueDate();
  }

  /**
   * Camunda's {@code SetJobRetriesDto} ({@code /job/retries}, {@code /job-definition/…}); the
   * {@code jobQuery} is the body of {@code POST /job}, read by the same parser.
   */
  record SetJobRetriesDto(List<String> jobIds, JsonNode jobQuery, Integer retries, Instant dueDate)
      implements RetriesBody {}

  /**
   * Camunda's {@code SetJobRetriesByProcessDto}: the queries are the bodies of {@code POST
   * /process-instance} and {@code POST /history/process-instance}, read by the same DTOs.
   */
  record SetJobRetriesByProcessDto(
      List<String> processInstances,
      JsonNode processInstanceQuery,
      JsonNode historicProcessInstanceQuery,
      Integer retries,
      Instant dueDate)
      implements RetriesBody {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/process-instance/job-retries", ctx -> byProcess(ctx, false))
        .post("/process-instance/job-retries-historic-query-based", ctx -> byProcess(ctx, true))
        .post("/job/retries", this::byJobs)
        .put("/job-definition/{id}/retries", this::byJobDefinition);
  }

  private void byProcess(Context ctx, boolean historic) {
    Request<SetJobRetriesByProcessDto> request = read(ctx, SetJobRetriesByProcessDto.class);
    SetJobRetriesByProcessDto dto = request.dto();
    Caller caller = Callers.of(ctx);
    ProcessInstanceQuery runtime = null;
    HistoricProcessInstanceQuery history = null;
    if (!historic && present(dto.processInstanceQuery())) {
      runtime = new ProcessInstanceQuery();
      FilterParams.fromJson(dto.processInstanceQuery(), runtime.filters(), Set.of());
    }
    if (historic && present(dto.historicProcessInstanceQuery())) {
      history = new HistoricProcessInstanceQuery();
      FilterParams.fromJson(dto.historicProcessInstanceQuery(), history.filters(), Set.of());
    }
    Batch batch =
        batches.setJobRetriesByProcessAsync(
            caller, dto.processInstances(), runtime, history, request.retries());
    ctx.json(BatchDto.of(batch));
  }

  private void byJobs(Context ctx) {
    Request<SetJobRetriesDto> request = read(ctx, SetJobRetriesDto.class);
    SetJobRetriesDto dto = request.dto();
    JobQuery jobQuery = present(dto.jobQuery()) ? JobResource.query(jobs, dto.jobQuery()) : null;
    Batch batch = batches.setJobRetriesAsync(Callers.of(ctx), dto.jobIds(), jobQuery, request.retries());
    ctx.json(BatchDto.of(batch));
  }

  private void byJobDefinition(Context ctx) {
    Request<SetJobRetriesDto> request = read(ctx, SetJobRetriesDto.class);
    batches.setJobRetriesByJobDefinition(Callers.of(ctx), ctx.pathParam("id"), request.retries());
    Responses.noContent(ctx);
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }

  private record Request<T extends RetriesBody>(T dto, JobRetries retries) {}

  /** Reads the body with Camunda's checks and messages, in Camunda's order. */
  private static <T extends RetriesBody> Request<T> read(Context ctx, Class<T> type) {
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
    T dto = JsonBodies.bind(tree, type);
    if (dto.retries() == null) {
      throw new InvalidRequestException("retries is null");
    }
    JobRetries retries =
        tree.has("dueDate")
            ? JobRetries.withDueDate(dto.retries(), dto.dueDate())
            : JobRetries.of(dto.retries());
    return new Request<>(dto, retries);
  }
}
