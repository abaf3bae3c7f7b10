package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.ConditionEvaluationService.ConditionEvaluation;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.JsonBodies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Camunda's {@code POST /condition} (Evaluate Condition): the conditional start events whose
 * conditions hold with the given variables start instances; the answer lists them (without links,
 * as Camunda 7.24 answers).
 */
public final class ConditionResource implements RestResource {

  private final ProcessEngine engine;

  public ConditionResource(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Camunda's {@code EvaluationConditionDto}. */
  record EvaluationConditionDto(
      Map<String, VariableValueDto> variables,
      String businessKey,
      String tenantId,
      Boolean withoutTenantId,
      String processDefinitionId) {}

  @Override
  public void addRoutes(Routes routes) {
    routes.post("/condition", this::evaluate);
  }

  private void evaluate(Context ctx) {
    EvaluationConditionDto dto =
        JsonBodies.readOr(
            ctx, EvaluationConditionDto.class, () -> new EvaluationConditionDto(null, null, null, null, null));
    List<ProcessInstance> started =
        engine
            .conditionEvaluationService()
            .evaluate(
                Callers.of(ctx),
                new ConditionEvaluation(
                    VariableValues.toTyped(dto.variables(), "Cannot evaluate conditions"),
                    dto.businessKey(),
                    dto.tenantId(),
                    Boolean.TRUE.equals(dto.withoutTenantId()),
                    dto.processDefinitionId()));
    ctx.json(
        started.stream()
            .map(instance -> ProcessInstanceDtos.ProcessInstanceDto.of(List.of(), instance))
            .toList());
  }
}
