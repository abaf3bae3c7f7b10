package dev.tern.engine.deployment;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.persistence.Database;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Parsed process models by process definition id. A miss reads the definition's BPMN resource and
 * parses it; the least recently used models are dropped beyond the capacity. Definitions never
 * change once deployed, so entries never go stale; deleting a deployment evicts its models.
 */
public final class ProcessModelCache {

  public static final int DEFAULT_CAPACITY = 1000;

  private final Database database;
  private final DeploymentStore store;
  private final BpmnParser parser = new BpmnParser(false);
  private final Map<String, ProcessModel> models;

  ProcessModelCache(Database database, DeploymentStore store, int capacity) {
    this.database = database;
    this.store = store;
    this.models =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ProcessModel> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The model of a deployed process definition.
   *
   * @throws NotFoundException when no such definition is deployed
   */
  public ProcessModel get(String processDefinitionId) {
    ProcessModel cached = cached(processDefinitionId);
    return cached != null ? cached : database.withHandle(h -> load(h, processDefinitionId));
  }

  /** Like {@link #get(String)}, reading a miss through the caller's transaction. */
  public ProcessModel get(Handle handle, String processDefinitionId) {
    ProcessModel cached = cached(processDefinitionId);
    return cached != null ? cached : load(handle, processDefinitionId);
  }

  private synchronized ProcessModel cached(String processDefinitionId) {
    return models.get(processDefinitionId);
  }

  synchronized void put(String processDefinitionId, ProcessModel model) {
    models.put(processDefinitionId, model);
  }

  synchronized void evict(Collection<String> processDefinitionIds) {
    processDefinitionIds.forEach(models::remove);
  }

  private ProcessModel load(Handle handle, String processDefinitionId) {
    ProcessDefinition definition =
        store
            .findProcessDefinition(handle, processDefinitionId)
            .orElseThrow(() -> DeploymentService.definitionNotFound(processDefinitionId));
    byte[] xml =
        store
            .resourceContentByName(handle, definition.deploymentId(), definition.resourceName())
            .orElseThrow(() -> DeploymentService.definitionNotFound(processDefinitionId));
    ProcessModel model =
        parser.parse(definition.resourceName(), xml).stream()
            .filter(m -> m.key().equals(definition.key()))
            .findFirst()
            .orElseThrow(() -> DeploymentService.definitionNotFound(processDefinitionId));
    put(processDefinitionId, model);
    return model;
  }
}
