package dev.tern.rest.message;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.event.MessageCorrelationResult;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.RestResource;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.Routes;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Camunda's {@code POST /message}: correlates a message to waiting tokens or start events. */
public final class MessageResource implements RestResource {

  private final ProcessEngine engine;

  public MessageResource(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Camunda's {@code CorrelationMessageDto}. */
  record CorrelationMessageDto(
      String messageName,
      String businessKey,
      String tenantId,
      Boolean withoutTenantId,
      String processInstanceId,
      Map<String, VariableValueDto> correlationKeys,
      Map<String, VariableValueDto> localCorrelationKeys,
      Map<String, VariableValueDto> processVariables,
      Map<String, VariableValueDto> processVariablesLocal,
      Map<String, VariableValueDto> processVariablesToTriggeredScope,
      Boolean all,
      Boolean resultEnabled,
      Boolean variablesInResultEnabled) {}

  @Override
  public void addRoutes(Routes routes) {
    routes.post("/message", this::deliver);
  }

  private void deliver(Context ctx) {
    CorrelationMessageDto dto = JsonBodies.read(ctx, CorrelationMessageDto.class);
    if (dto.messageName() == null) {
      throw new InvalidRequestException("No message name supplied");
    }
    boolean withoutTenantId = Boolean.TRUE.equals(dto.withoutTenantId());
    if (dto.tenantId() != null && withoutTenantId) {
      throw new InvalidRequestException(
          "Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.");
    }
    String prefix = "Cannot deliver message";
    MessageCorrelation.Builder correlation =
        MessageCorrelation.named(dto.messageName())
            .businessKey(dto.businessKey())
            .processInstanceId(dto.processInstanceId())
            .tenantId(dto.tenantId())
            .correlationKeys(typedOrNull(dto.correlationKeys(), prefix))
            .localCorrelationKeys(typedOrNull(dto.localCorrelationKeys(), prefix))
            .processVariables(typedOrNull(dto.processVariables(), prefix))
            .processVariablesLocal(typedOrNull(dto.processVariablesLocal(), prefix))
            .processVariablesToTriggeredScope(
                typedOrNull(dto.processVariablesToTriggeredScope(), prefix))
            .all(Boolean.TRUE.equals(dto.all()));
    if (withoutTenantId) {
      correlation.withoutTenantId();
    }
    List<MessageCorrelationResult> results;
    try {
      results = engine.messageCorrelationService().correlate(Callers.of(ctx), correlation.build());
    } catch (TernException e) {
      if ("MismatchingMessageCorrelationException".equals(e.type())) {
        // Camunda's REST layer wraps it in a RestException whose message names the cause's class
        // and keeps its code
        throw TernException.wrappingEngineError(
            TernException.Category.BAD_REQUEST,
            "RestException",
            "org.camunda.bpm.engine.MismatchingMessageCorrelationException: " + e.getMessage());
      }
      throw e;
    }
    if (!Boolean.TRUE.equals(dto.resultEnabled())) {
      Responses.noContent(ctx);
      return;
    }
    boolean withVariables = Boolean.TRUE.equals(dto.variablesInResultEnabled());
    List<Map<String, Object>> body = new ArrayList<>();
    for (MessageCorrelationResult result : results) {
      body.add(resultDto(result, withVariables));
    }
    ctx.json(body);
  }

  /**
   * {@code MessageCorrelationResultWithVariableDto}; {@code variables} only when asked for. The
   * side that does not apply is left out (openapi.json allows no null object there).
   */
  private Map<String, Object> resultDto(MessageCorrelationResult result, boolean withVariables) {
    Map<String, Object> dto = new LinkedHashMap<>();
    if (result.type() == MessageCorrelationResult.Type.EXECUTION) {
      dto.put("resultType", "Execution");
      Map<String, Object> execution = new LinkedHashMap<>();
      execution.put("id", result.executionId());
      execution.put("processInstanceId", result.processInstanceId());
      execution.put("ended", result.executionEnded());
      execution.put("tenantId", result.tenantId());
      dto.put("execution", execution);
    } else {
      dto.put("resultType", "ProcessDefinition");
      Map<String, Object> instance = new LinkedHashMap<>();
      instance.put("links", List.of());
      instance.put("id", result.processInstanceId());
      instance.put("definitionId", result.processDefinitionId());
      instance.put("businessKey", result.businessKey());
      instance.put("caseInstanceId", null);
      instance.put("ended", result.instanceEnded());
      instance.put("suspended", result.instanceSuspended());
      instance.put("tenantId", result.tenantId());
      dto.put("processInstance", instance);
    }
    if (withVariables) {
      Map<String, TypedValue> variables =
          result.instanceEnded()
              ? engine.processInstances().historicVariables(result.processInstanceId())
              : engine.processInstances().variables(result.processInstanceId());
      dto.put("variables", VariableValues.toDtos(variables));
    }
    return dto;
  }

  private static Map<String, TypedValue> typedOrNull(Map<String, VariableValueDto> dtos, String prefix) {
    return dtos == null ? null : VariableValues.toTyped(dtos, prefix);
  }
}
