package dev.tern.engine.task;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.DeploymentResource;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.runtime.TypedValue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A task's form as Camunda's {@code FormService} serves it: the variables a form shows, and the
 * deployed form a {@code deployment:} form key or a {@code camunda:formRef} names. Tern has no
 * generated forms ({@code camunda:formData}), so a task's form variables are its variables and it
 * never has a rendered form.
 */
public final class TaskForms {

  private static final String EMBEDDED = "embedded:";
  private static final String CAMUNDA_FORMS = "camunda-forms:";
  private static final String DEPLOYMENT = "deployment:";

  /** A deployed form's content and the media type Camunda serves it with. */
  public record DeployedForm(byte[] content, String mediaType) {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final TaskService tasks;
  private final DeploymentService deployments;

  TaskForms(TaskService tasks, DeploymentService deployments) {
    this.tasks = tasks;
    this.deployments = deployments;
  }

  /** The task's variables, only those named when {@code names} is not null. */
  public Map<String, TypedValue> formVariables(Caller caller, String id, Collection<String> names) {
    readable(caller, id, () -> badRequest("Cannot find task with id '" + id + "'.: task is null"));
    Map<String, TypedValue> all = tasks.variables(caller, id, false);
    if (names == null) {
      return all;
    }
    Map<String, TypedValue> named = new LinkedHashMap<>();
    all.forEach((name, value) -> {
      if (names.contains(name)) {
        named.put(name, value);
      }
    });
    return named;
  }

  /**
   * A task has no rendered form without {@code camunda:formData}: 400, as Camunda's openapi.json
   * documents it for a task without form fields and an unknown one (its code answers 404 and 500).
   */
  public void renderedForm(Caller caller, String id) {
    readable(caller, id, () -> badRequest("Task '" + id + "' not found: task is null"));
    throw badRequest("No matching rendered form for task with the id " + id + " found.");
  }

  /**
   * The form a {@code deployment:…} form key (also after {@code embedded:} or {@code
   * camunda-forms:}) or a {@code camunda:formRef} (a {@code .form} resource whose id is the key,
   * in the task's deployment) names.
   */
  public DeployedForm deployedForm(Caller caller, String id) {
    Task task =
        readable(
            caller,
            id,
            () ->
                new TernException(
                    TernException.Category.BAD_REQUEST,
                    "NullValueException",
                    "No task found for taskId '" + id + "': task is null"));
    if (task.formKey() != null) {
      String name = task.formKey();
      for (String prefix : List.of(EMBEDDED, CAMUNDA_FORMS)) {
        if (name.startsWith(prefix)) {
          name = name.substring(prefix.length());
        }
      }
      if (!name.startsWith(DEPLOYMENT)) {
        throw badRequest("The form key '" + task.formKey() + "' does not reference a deployed form.");
      }
      name = name.substring(DEPLOYMENT.length());
      String deploymentId = deploymentId(task);
      return new DeployedForm(resource(deploymentId, name), mediaType(task.formKey()));
    }
    if (task.formRefKey() != null) {
      String deploymentId = deploymentId(task);
      for (DeploymentResource resource : deployments.getResources(deploymentId)) {
        if (resource.name().endsWith(".form")) {
          byte[] content = resource(deploymentId, resource.name());
          if (declaresId(content, task.formRefKey())) {
            return new DeployedForm(content, "application/json");
          }
        }
      }
      throw new NotFoundException(
          "No Camunda Form Definition was found for Camunda Form Ref: CamundaFormRefImpl [key="
              + task.formRefKey()
              + ", binding="
              + task.formRefBinding()
              + ", version="
              + task.formRefVersion()
              + "]");
    }
    throw badRequest(
        "One of the attributes 'formKey' and 'camunda:formRef' must be supplied but none were set.");
  }

  private Task readable(Caller caller, String id, Supplier<TernException> missing) {
    try {
      return tasks.get(caller, id);
    } catch (NotFoundException e) {
      throw missing.get();
    }
  }

  private String deploymentId(Task task) {
    if (task.processDefinitionId() == null) {
      throw badRequest("Task '" + task.id() + "' belongs to no process and has no deployed form.");
    }
    return deployments
        .findProcessDefinition(task.processDefinitionId())
        .map(ProcessDefinition::deploymentId)
        .orElseThrow(() -> badRequest("The task's process definition is no longer deployed."));
  }

  private byte[] resource(String deploymentId, String name) {
    for (DeploymentResource resource : deployments.getResources(deploymentId)) {
      if (resource.name().equals(name)) {
        return deployments.findResourceContent(deploymentId, resource.id()).orElseThrow();
      }
    }
    throw new NotFoundException(
        "The form with the resource name '"
            + name
            + "' cannot be found in deployment with id "
            + deploymentId);
  }

  /** Whether a Camunda Form's JSON has the id (its top-level {@code "id"}). */
  private static boolean declaresId(byte[] content, String formId) {
    try {
      return formId.equals(JSON.readTree(content).path("id").asText(null));
    } catch (java.io.IOException e) {
      return false; // not a Camunda Form: it names no form
    }
  }

  /** Camunda's {@code ContentTypeUtil.getFormContentType}. */
  private static String mediaType(String formKey) {
    if (formKey.endsWith(".form")) {
      return "application/json";
    }
    return "application/xhtml+xml";
  }

  private static TernException badRequest(String message) {
    return new TernException(
        TernException.Category.BAD_REQUEST, "BadUserRequestException", message);
  }
}
