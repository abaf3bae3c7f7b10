package dev.tern.rest.deployment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tern.engine.deployment.Deployment;
import dev.tern.engine.deployment.DeploymentResource;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.deployment.ProcessDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Camunda's JSON shapes for deployments and process definitions. */
final class DeploymentDtos {

  private DeploymentDtos() {}

  record LinkDto(String method, String href, String rel) {}

  @JsonPropertyOrder({"links", "id", "name", "source", "deploymentTime", "tenantId"})
  record DeploymentDto(
      List<LinkDto> links,
      String id,
      String name,
      String source,
      Instant deploymentTime,
      String tenantId) {

    static DeploymentDto of(Deployment d) {
      return new DeploymentDto(
          List.of(), d.id(), d.name(), d.source(), d.deploymentTime(), d.tenantId());
    }
  }

  /** {@code deployed…Definitions} are null when the deployment created none, as in Camunda. */
  record DeploymentWithDefinitionsDto(
      List<LinkDto> links,
      String id,
      String name,
      String source,
      Instant deploymentTime,
      String tenantId,
      Map<String, ProcessDefinitionDto> deployedProcessDefinitions,
      Map<String, Object> deployedCaseDefinitions,
      Map<String, Object> deployedDecisionDefinitions,
      Map<String, Object> deployedDecisionRequirementsDefinitions) {

    static DeploymentWithDefinitionsDto of(
        Deployment d, List<ProcessDefinition> definitions, String selfHref) {
      Map<String, ProcessDefinitionDto> byId = null;
      if (!definitions.isEmpty()) {
        byId = new LinkedHashMap<>();
        for (ProcessDefinition definition : definitions) {
          byId.put(definition.id(), ProcessDefinitionDto.of(definition));
        }
      }
      return new DeploymentWithDefinitionsDto(
          List.of(new LinkDto("GET", selfHref, "self")),
          d.id(),
          d.name(),
          d.source(),
          d.deploymentTime(),
          d.tenantId(),
          byId,
          null,
          null,
          null);
    }
  }

  record ProcessDefinitionDto(
      String id,
      String key,
      String category,
      String description,
      String name,
      int version,
      String resource,
      String deploymentId,
      String diagram,
      boolean suspended,
      String tenantId,
      String versionTag,
      Integer historyTimeToLive,
      boolean startableInTasklist) {

    static ProcessDefinitionDto of(ProcessDefinition d) {
      return new ProcessDefinitionDto(
          d.id(),
          d.key(),
          d.category(),
          null,
          d.name(),
          d.version(),
          d.resourceName(),
          d.deploymentId(),
          null,
          d.suspended(),
          d.tenantId(),
          d.versionTag(),
          d.historyTimeToLive(),
          d.startableInTasklist());
    }

    /**
     * The definition inside a statistics result: Camunda's statistics query does not read the
     * definition's time to live, so its {@code historyTimeToLive} is null there.
     */
    static ProcessDefinitionDto ofStatistics(ProcessDefinition d) {
      ProcessDefinitionDto full = of(d);
      return new ProcessDefinitionDto(
          full.id(), full.key(), full.category(), full.description(), full.name(), full.version(),
          full.resource(), full.deploymentId(), full.diagram(), full.suspended(), full.tenantId(),
          full.versionTag(), null, full.startableInTasklist());
    }
  }

  record DeploymentResourceDto(String id, String name, String deploymentId) {
    static DeploymentResourceDto of(DeploymentResource r) {
      return new DeploymentResourceDto(r.id(), r.name(), r.deploymentId());
    }
  }

  record ProcessDefinitionDiagramDto(String id, String bpmn20Xml) {}

  record ProblemDto(
      String message, int line, int column, String mainElementId, List<String> elementIds) {}

  record ResourceReportDto(List<ProblemDto> errors, List<ProblemDto> warnings) {}

  /** Camunda's error body for a refused deployment: the usual three fields plus details. */
  record ParseExceptionDto(
      String type, String message, int code, Map<String, ResourceReportDto> details) {

    static ParseExceptionDto of(ParseException e) {
      Map<String, ResourceReportDto> details = new LinkedHashMap<>();
      e.details()
          .forEach(
              (resource, report) ->
                  details.put(
                      resource,
                      new ResourceReportDto(problems(report.errors()), problems(report.warnings()))));
      return new ParseExceptionDto(e.type(), e.getMessage(), e.code(), details);
    }

    private static List<ProblemDto> problems(List<ParseException.Problem> problems) {
      return problems.stream()
          .map(
              p ->
                  new ProblemDto(
                      p.message(), p.line(), p.column(), p.mainElementId(), p.elementIds()))
          .toList();
    }
  }
}
