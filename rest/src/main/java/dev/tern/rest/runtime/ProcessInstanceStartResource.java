package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
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
        .post("/process-definition/{id}/start", this::startById)
        .post("/process-definition/key/{key}/start", ctx -> startByKey(ctx, null))
        .post(
            "/process-definition/key/{key}/tenant-id/{tenantId}/start",
            ctx -> startByKey(ctx, ctx.pathParam("tenantId")));
  }

  private void startById(Context ctx) {
    ProcessDefinition definition = deployments.getProcessDefinition(ctx.pathParam("id"));
    StartProcessInstanceDto dto = body(ctx);
    Map<String, TypedValue> variables =
        VariableValues.toTyped(dto.variables(), cannotInstantiate(definition));
    ProcessInstance instance =
        engine
            .runtimeService()
            .startProcessInstanceById(Callers.of(ctx), definition.id(), dto.businessKey(), variables);
    respond(ctx, dto, instance);
  }

  /**
   * By key, the lookup of the latest version and the start are one engine call (one transaction);
   * only a value that cannot be converted looks the definition up first, for Camunda's 404 or the
   * definition id in its 400.
   */
  private void startByKey(Context ctx, String tenantId) {
    String key = ctx.pathParam("key");
    StartProcessInstanceDto dto = body(ctx);
    Map<String, TypedValue> variables =
        VariableValues.toTyped(
            dto.variables(),
            () -> cannotInstantiate(deployments.getLatestProcessDefinition(Callers.of(ctx), key, tenantId)));
    ProcessInstance instance =
        engine
            .runtimeService()
            .startLatestProcessInstanceByKey(Callers.of(ctx), key, tenantId, dto.businessKey(), variables);
    respond(ctx, dto, instance);
  }

  private static String cannotInstantiate(ProcessDefinition definition) {
    return "Cannot instantiate process definition " + definition.id();
  }

  private static StartProcessInstanceDto body(Context ctx) {
    return JsonBodies.readOr(
        ctx,
        StartProcessInstanceDto.class,
        () -> new StartProcessInstanceDto(null, null, null, null, null));
  }

  private void respond(Context ctx, StartProcessInstanceDto dto, ProcessInstance instance) {
    ProcessInstanceDto started =
        ProcessInstanceDto.of(List.of(ProcessInstanceDtos.selfLink(ctx, instance.id())), instance);
    if (Boolean.TRUE.equals(dto.withVariablesInReturn())) {
      Map<String, TypedValue> current =
          instance.ended()
              ? engine.processInstances().historicVariables(instance.id())
              : engine.processInstances().variables(instance.id());
      ctx.json(new ProcessInstanceWithVariablesDto(started, VariableValues.toDtos(current)));
    } else {
      ctx.json(started);
    }
  }
}
