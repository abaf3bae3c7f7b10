package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.runtime.ProcessInstanceDtos.AtomLink;
import dev.tern.rest.runtime.ProcessInstanceDtos.ProcessInstanceDto;
import dev.tern.rest.runtime.ProcessInstanceDtos.ProcessInstanceWithVariablesDto;
import dev.tern.rest.support.JsonBodies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /process-definition/{id}/start}, {@code …/key/{key}/start} and {@code
 * …/key/{key}/tenant-id/{tenantId}/start}: starts an instance with typed variables.
 */
public final class ProcessInstanceStartResource implements RestResource {

  private final ProcessEngine engine;
  private final DeploymentService deployments;

  public ProcessInstanceStartResource(ProcessEngine engine) {
    this.engine = engine;
    this.deployments = engine.deploymentService();
  }

  /** Camunda's {@code StartProcessInstanceDto} (the fields Tern supports). */
  record StartProcessInstanceDto(
      String businessKey,
      Map<String, VariableValueDto> variables,
      Boolean withVariablesInReturn,
      Boolean skipCustomListeners,
      Boolean skipIoMappings) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/process-definition/{id}/start", ctx -> start(ctx, byId(ctx.pathParam("id"))))
        .post(
            "/process-definition/key/{key}/start",
            ctx ->
                start(
                    ctx,
                    deployments.getLatestProcessDefinition(Callers.of(ctx), ctx.pathParam("key"), null)))
        .post(
            "/process-definition/key/{key}/tenant-id/{tenantId}/start",
            ctx ->
                start(
                    ctx,
                    deployments.getLatestProcessDefinition(
                        Callers.of(ctx), ctx.pathParam("key"), ctx.pathParam("tenantId"))));
  }

  private ProcessDefinition byId(String id) {
    return deployments.getProcessDefinition(id);
  }

  private void start(Context ctx, ProcessDefinition definition) {
    StartProcessInstanceDto dto =
        JsonBodies.readOr(
            ctx,
            StartProcessInstanceDto.class,
            () -> new StartProcessInstanceDto(null, null, null, null, null));
    Map<String, TypedValue> variables =
        VariableValues.toTyped(
            dto.variables(), "Cannot instantiate process definition " + definition.id());
    ProcessInstance instance =
        engine
            .runtimeService()
            .startProcessInstanceById(Callers.of(ctx), definition.id(), dto.businessKey(), variables);
    List<AtomLink> links = List.of(ProcessInstanceDtos.selfLink(ctx, instance.id()));
    if (Boolean.TRUE.equals(dto.withVariablesInReturn())) {
      Map<String, TypedValue> current =
          instance.ended()
              ? engine.processInstances().historicVariables(instance.id())
              : engine.processInstances().variables(instance.id());
      ctx.json(
          new ProcessInstanceWithVariablesDto(
              links,
              instance.id(),
              instance.definitionId(),
              definition.key(),
              instance.businessKey(),
              null,
              instance.ended(),
              instance.suspended(),
              instance.tenantId(),
              VariableValues.toDtos(current)));
    } else {
      ctx.json(
          new ProcessInstanceDto(
              links,
              instance.id(),
              instance.definitionId(),
              definition.key(),
              instance.businessKey(),
              null,
              instance.ended(),
              instance.suspended(),
              instance.tenantId()));
    }
  }
}
