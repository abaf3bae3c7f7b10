package dev.tern.rest.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.runtime.RuntimeProcessInstance;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** JSON shapes of process instances, with Camunda's field names. */
final class ProcessInstanceDtos {

  private ProcessInstanceDtos() {}

  record AtomLink(String method, String href, String rel) {}

  /** Camunda's {@code ProcessInstanceDto}; {@code variables} only when asked for on start. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ProcessInstanceDto(
      List<AtomLink> links,
      String id,
      String definitionId,
      String definitionKey,
      String businessKey,
      String caseInstanceId,
      boolean ended,
      boolean suspended,
      String tenantId) {

    static ProcessInstanceDto of(RuntimeProcessInstance instance) {
      return new ProcessInstanceDto(
          List.of(),
          instance.id(),
          instance.processDefinitionId(),
          instance.processDefinitionKey(),
          instance.businessKey(),
          null,
          false,
          instance.suspended(),
          instance.tenantId());
    }

    /** An instance as its start left it (it may have ended already). */
    static ProcessInstanceDto of(List<AtomLink> links, ProcessInstance instance) {
      return new ProcessInstanceDto(
          links,
          instance.id(),
          instance.definitionId(),
          instance.definitionKey(),
          instance.businessKey(),
          null,
          instance.ended(),
          instance.suspended(),
          instance.tenantId());
    }
  }

  /** Camunda's {@code ProcessInstanceWithVariablesDto}: the answer of a start call. */
  record ProcessInstanceWithVariablesDto(
      @JsonUnwrapped ProcessInstanceDto instance, Map<String, VariableValueDto> variables) {}

  /** {@code {"modifications": {…}, "deletions": […]}} */
  record PatchVariablesDto(Map<String, VariableValueDto> modifications, List<String> deletions) {}

  record SuspensionStateDto(Boolean suspended) {}

  /** The self link Camunda puts on a started instance, absolute like Camunda's. */
  static AtomLink selfLink(Context ctx, String id) {
    String url = ctx.fullUrl();
    int base = url.indexOf("/engine-rest");
    String root = base < 0 ? "" : url.substring(0, base + "/engine-rest".length());
    return new AtomLink("GET", root + "/process-instance/" + id, "self");
  }
}
