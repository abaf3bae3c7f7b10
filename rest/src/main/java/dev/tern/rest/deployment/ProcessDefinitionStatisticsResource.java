package dev.tern.rest.deployment;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.statistics.ActivityStatistics;
import dev.tern.engine.statistics.IncidentCount;
import dev.tern.engine.statistics.ProcessDefinitionStatistics;
import dev.tern.engine.statistics.StatisticsOptions;
import dev.tern.engine.statistics.StatisticsService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.deployment.DeploymentDtos.ProcessDefinitionDto;
import dev.tern.rest.support.QueryParams;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /process-definition/statistics} and {@code …/{id}/statistics}, {@code
 * …/key/{key}/statistics}: Camunda's runtime counts per definition and per activity. Registered
 * before the definition routes so that {@code statistics} is not read as a definition id.
 */
public final class ProcessDefinitionStatisticsResource implements RestResource {

  private static final String DEFINITION_DTO =
      "org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionStatisticsResultDto";
  private static final String ACTIVITY_DTO =
      "org.camunda.bpm.engine.rest.dto.repository.ActivityStatisticsResultDto";

  private final StatisticsService statistics;
  private final DeploymentService deployments;

  public ProcessDefinitionStatisticsResource(ProcessEngine engine) {
    this.statistics = engine.statisticsService();
    this.deployments = engine.deploymentService();
  }

  /** Camunda's {@code ProcessDefinitionStatisticsResultDto}. */
  record DefinitionStatisticsDto(
      @com.fasterxml.jackson.annotation.JsonProperty("@class") String type,
      String id,
      int instances,
      int failedJobs,
      List<IncidentCount> incidents,
      ProcessDefinitionDto definition) {

    static DefinitionStatisticsDto of(ProcessDefinitionStatistics s) {
      return new DefinitionStatisticsDto(
          DEFINITION_DTO,
          s.definition().id(),
          s.instances(),
          s.failedJobs(),
          s.incidents(),
          ProcessDefinitionDto.ofStatistics(s.definition()));
    }
  }

  /** Camunda's {@code ActivityStatisticsResultDto}. */
  record ActivityStatisticsDto(
      @com.fasterxml.jackson.annotation.JsonProperty("@class") String type,
      String id,
      int instances,
      int failedJobs,
      List<IncidentCount> incidents) {

    static ActivityStatisticsDto of(ActivityStatistics s) {
      return new ActivityStatisticsDto(
          ACTIVITY_DTO, s.activityId(), s.instances(), s.failedJobs(), s.incidents());
    }
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/process-definition/statistics", this::byDefinition)
        .get(
            "/process-definition/{id}/statistics",
            ctx -> byActivity(ctx, ctx.pathParam("id")))
        .get(
            "/process-definition/key/{key}/statistics",
            ctx -> {
              StatisticsOptions options = activityOptions(ctx);
              String id =
                  deployments
                      .getLatestProcessDefinition(Callers.of(ctx), ctx.pathParam("key"), null)
                      .id();
              ctx.json(activities(ctx, id, options));
            });
  }

  private void byDefinition(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    onlyOne(params, "incidents", "incidentsForType", "includeIncidents", "includeIncidentsForType");
    onlyOne(params, "incidents", "rootIncidents", "includeIncidents", "includeRootIncidents");
    onlyOne(
        params, "rootIncidents", "incidentsForType", "includeRootIncidents", "includeIncidentsForType");
    StatisticsOptions options =
        new StatisticsOptions(
            Boolean.TRUE.equals(params.bool("failedJobs")),
            Boolean.TRUE.equals(params.bool("incidents")),
            Boolean.TRUE.equals(params.bool("rootIncidents")),
            params.has("incidentsForType") ? params.string("incidentsForType") : null);
    ctx.json(
        statistics.byProcessDefinition(Callers.of(ctx), options).stream()
            .map(DefinitionStatisticsDto::of)
            .toList());
  }

  private void byActivity(Context ctx, String processDefinitionId) {
    StatisticsOptions options = activityOptions(ctx);
    ctx.json(activities(ctx, processDefinitionId, options));
  }

  private List<ActivityStatisticsDto> activities(
      Context ctx, String processDefinitionId, StatisticsOptions options) {
    return statistics.byActivity(Callers.of(ctx), processDefinitionId, options).stream()
        .map(ActivityStatisticsDto::of)
        .toList();
  }

  /** The options of the per-activity routes (Camunda has no {@code rootIncidents} there). */
  private static StatisticsOptions activityOptions(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    onlyOne(params, "incidents", "incidentsForType", "includeIncidents", "includeIncidentsForType");
    return new StatisticsOptions(
        Boolean.TRUE.equals(params.bool("failedJobs")),
        Boolean.TRUE.equals(params.bool("incidents")),
        false,
        params.has("incidentsForType") ? params.string("incidentsForType") : null);
  }

  /** Camunda refuses two exclusive parameters as soon as both are present, whatever their values. */
  private static void onlyOne(QueryParams params, String a, String b, String aName, String bName) {
    if (params.has(a) && params.has(b)) {
      throw new InvalidRequestException(
          "Only one of the query parameter " + aName + " or " + bName + " can be set.");
    }
  }
}
