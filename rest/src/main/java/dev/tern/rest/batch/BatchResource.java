package dev.tern.rest.batch;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.batch.BatchService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.batch.BatchDtos.BatchStatisticsDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /batch}: runtime batches, their statistics, suspension and deletion. */
public final class BatchResource implements RestResource {

  private final BatchService batches;

  public BatchResource(ProcessEngine engine) {
    this.batches = engine.batchService();
  }

  record SuspensionStateDto(Boolean suspended) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/batch", this::list)
        .get("/batch/count", ctx -> Responses.count(ctx, batches.count(Callers.of(ctx), query(ctx))))
        .get("/batch/statistics", this::statistics)
        .get("/batch/statistics/count", ctx -> Responses.count(ctx, batches.count(Callers.of(ctx), query(ctx))))
        .get("/batch/{id}", this::get)
        .put("/batch/{id}/suspended", this::suspend)
        .delete("/batch/{id}", this::delete);
  }

  private void list(Context ctx) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        batches.list(Callers.of(ctx), query(ctx), paging.firstResult(), paging.maxResults()).stream()
            .map(BatchDto::of)
            .toList());
  }

  private void statistics(Context ctx) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        batches.statistics(Callers.of(ctx), query(ctx), paging.firstResult(), paging.maxResults()).stream()
            .map(BatchStatisticsDto::of)
            .toList());
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        BatchDto.of(
            batches
                .find(Callers.of(ctx), id)
                .orElseThrow(
                    () -> new NotFoundException("Batch with id '" + id + "' does not exist"))));
  }

  private void suspend(Context ctx) {
    String id = ctx.pathParam("id");
    SuspensionStateDto body = JsonBodies.read(ctx, SuspensionStateDto.class);
    if (body.suspended() == null) {
      throw new InvalidRequestException("suspended is null");
    }
    String verb = body.suspended() ? "suspend" : "activate";
    try {
      batches.setSuspended(Callers.of(ctx), id, body.suspended());
    } catch (NotFoundException e) {
      throw new InvalidRequestException("Unable to " + verb + " batch with id '" + id + "'");
    }
    Responses.noContent(ctx);
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    Boolean cascade = QueryParams.of(ctx).bool("cascade");
    try {
      batches.delete(Callers.of(ctx), id, Boolean.TRUE.equals(cascade));
    } catch (NotFoundException e) {
      throw new InvalidRequestException("Unable to delete batch with id '" + id + "'");
    }
    Responses.noContent(ctx);
  }

  private static BatchQuery query(Context ctx) {
    BatchQuery query = new BatchQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }
}
