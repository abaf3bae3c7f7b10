package dev.tern.rest.signal;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.rest.RestResource;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.Routes;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Camunda's {@code POST /signal}. A single execution that does not wait for the signal answers
 * 400 (Camunda answers 500, which Tern keeps for its own failures).
 */
public final class SignalResource implements RestResource {

  private final ProcessEngine engine;

  public SignalResource(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Camunda's {@code SignalDto}. */
  record SignalDto(
      String name,
      String executionId,
      Map<String, VariableValueDto> variables,
      String tenantId,
      Boolean withoutTenantId) {}

  @Override
  public void addRoutes(Routes routes) {
    routes.post("/signal", this::signal);
  }

  private void signal(Context ctx) {
    SignalDto dto = JsonBodies.read(ctx, SignalDto.class);
    if (dto.name() == null) {
      throw new InvalidRequestException("No signal name given");
    }
    engine
        .signalService()
        .signal(
            Callers.of(ctx),
            dto.name(),
            dto.executionId(),
            dto.tenantId(),
            dto.tenantId() == null && Boolean.TRUE.equals(dto.withoutTenantId()),
            VariableValues.toTyped(dto.variables(), "Cannot deliver signal"));
    Responses.noContent(ctx);
  }
}
