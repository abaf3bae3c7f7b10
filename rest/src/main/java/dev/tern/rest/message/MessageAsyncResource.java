package dev.tern.rest.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.JsonBodies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Camunda's {@code POST /process-instance/message-async}: a {@code correlate-message} batch that
 * correlates a message to every waiting token of the selected process instances.
 */
public final class MessageAsyncResource implements RestResource {

  private final ProcessEngine engine;

  public MessageAsyncResource(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Camunda's {@code CorrelationMessageAsyncDto}: the queries are the bodies of {@code POST
   * /process-instance} and {@code POST /history/process-instance}, read by the same parsers.
   */
  record CorrelationMessageAsyncDto(
      String messageName,
      List<String> processInstanceIds,
      JsonNode processInstanceQuery,
      JsonNode historicProcessInstanceQuery,
      Map<String, VariableValueDto> variables) {}

  @Override
  public void addRoutes(Routes routes) {
    routes.post("/process-instance/message-async", this::correlateAsync);
  }

  private void correlateAsync(Context ctx) {
    CorrelationMessageAsyncDto dto = JsonBodies.read(ctx, CorrelationMessageAsyncDto.class);
    var variables = VariableValues.toTyped(dto.variables(), "Cannot set variables");
    ProcessInstanceQuery runtime = null;
    if (present(dto.processInstanceQuery())) {
      runtime = new ProcessInstanceQuery();
      FilterParams.fromJson(dto.processInstanceQuery(), runtime.filters(), Set.of());
    }
    HistoricProcessInstanceQuery history = null;
    if (present(dto.historicProcessInstanceQuery())) {
      history = new HistoricProcessInstanceQuery();
      FilterParams.fromJson(dto.historicProcessInstanceQuery(), history.filters(), Set.of());
    }
    Batch batch =
        engine
            .batchService()
            .correlateMessageAsync(
                Callers.of(ctx),
                dto.messageName(),
                dto.processInstanceIds(),
                runtime,
                history,
                variables);
    ctx.json(BatchDto.of(batch));
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }
}
