package dev.tern.engine.deployment;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.FieldLimits;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.deployment.BpmnParser.ParsedBpmn;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Restriction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Deployments and process definitions: deploy BPMN resources (with versions per key and tenant,
 * duplicate filtering and job definitions), delete deployments, and query both.
 */
public final class DeploymentService {

  /**
   * Told about each new process definition inside the deployment's transaction, so packages above
   * this one (the runtime creates job definitions) add their rows without deployment knowing them.
   */
  @FunctionalInterface
  public interface DefinitionListener {
    void deployed(Handle handle, ProcessDefinition definition, ProcessModel model);

    /**
     * The definition is the latest version of its key again: the deployment of the newer one was
     * deleted. As in Camunda 7.24 it takes back what the newer version had taken from it (its
     * start event subscriptions and timer start jobs).
     */
    default void latestAgain(Handle handle, ProcessDefinition definition, ProcessModel model) {}
  }

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final BpmnParser parser;
  private final DeploymentStore store;
  private final DefinitionListener listener;
  private final ProcessModelCache cache;
  private final DeployedDataRemoval dataRemoval;
  // no deployment or definition filter depends on the current time
  private final Listing<Deployment> deployments;
  private final Listing<ProcessDefinition> definitions;
  private final Authorizer authorizer = new Authorizer();

  /**
   * @param dataRemoval removes the other capabilities' rows of a deleted deployment
   */
  public DeploymentService(
      Database database,
      Clock clock,
      Ids ids,
      EngineSettings settings,
      int cacheCapacity,
      DefinitionListener listener,
      DeployedDataRemoval dataRemoval) {
    this.dataRemoval = dataRemoval;
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.parser = new BpmnParser(settings.historyTimeToLiveRequired());
    this.store = new DeploymentStore();
    this.listener = listener;
    this.cache = new ProcessModelCache(database, store, cacheCapacity);
    this.deployments =
        new Listing<>(
            database, DeploymentQuery.COLUMNS, DeploymentStore.DEPLOYMENT);
    this.definitions =
        new Listing<>(
            database,
            ProcessDefinitionQuery.COLUMNS,
            DeploymentStore.DEFINITION);
  }

  /** The cache of parsed models this service fills on deployment and evicts on deletion. */
  public ProcessModelCache processModelCache() {
    return cache;
  }

  /**
   * Deploys resources in one transaction. BPMN resources ({@code .bpmn}, {@code .bpmn20.xml}) are
   * parsed first; any problem refuses the whole deployment with a {@link ParseException} and
   * nothing is stored. Other resources are stored as they are.
   */
  public DeploymentWithDefinitions deploy(Caller caller, NewDeployment request) {
    check(caller, PermissionCheck.of(Permission.CREATE, Resource.DEPLOYMENT));
    return deploy(request);
  }

  /** Deletes a deployment with {@code DELETE} on it (checked first, as in Camunda). */
  public void deleteDeployment(Caller caller, String deploymentId, boolean cascade) {
    check(caller, PermissionCheck.of(Permission.DELETE, Resource.DEPLOYMENT, deploymentId));
    deleteDeployment(deploymentId, cascade);
  }

  private void check(Caller caller, PermissionCheck check) {
    database.withHandle(
        h -> {
          authorizer.check(h, caller, check);
          return null;
        });
  }

  /** {@link #deploy(Caller, NewDeployment)} for the engine itself (no checks). */
  public DeploymentWithDefinitions deploy(NewDeployment request) {
    FieldLimits.requireAtMost("deployment-name", request.name(), FieldLimits.NAME);
    FieldLimits.requireAtMost("deployment-source", request.source(), FieldLimits.NAME);
    FieldLimits.requireAtMost("tenant-id", request.tenantId(), FieldLimits.ID);
    FieldLimits.requireEachAtMost("resource name", request.resources().keySet(), FieldLimits.NAME);
    Map<String, ParsedBpmn> parsed = new LinkedHashMap<>();
    request
        .resources()
        .forEach(
            (name, content) -> {
              refuseUnrunnable(name);
              if (BpmnParser.isBpmnResource(name)) {
                parsed.put(name, parser.parseResource(name, content));
              }
            });
    DeploymentWithDefinitions result =
        database.inTransaction(h -> deploy(h, request, parsed));
    return result;
  }

  private static void refuseUnrunnable(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml") || lower.endsWith(".cmmn")
        || lower.endsWith(".cmmn11.xml") || lower.endsWith(".cmmn10.xml")) {
      throw new ParseException(
          name,
          List.of(
              new ParseException.Problem(
                  "Resource '" + name + "' is a DMN or CMMN model, which Tern cannot run",
                  name, 0, 0, null, List.of())));
    }
  }

  private DeploymentWithDefinitions deploy(
      Handle handle, NewDeployment request, Map<String, ParsedBpmn> parsed) {
    store.lockDeployments(handle);
    Map<String, String> hashes = new LinkedHashMap<>();
    request.resources().forEach((name, content) -> hashes.put(name, sha256(content)));
    Map<String, byte[]> toDeploy = request.resources();
    if (request.filtersDuplicates() && request.name() != null) {
      toDeploy = changedResources(handle, request, hashes);
      if (toDeploy.isEmpty()) {
        Optional<Deployment> existing =
            store.latestDeploymentByName(handle, request.name(), request.tenantId());
        if (existing.isPresent()) {
          return new DeploymentWithDefinitions(existing.get(), List.of(), false);
        }
        toDeploy = request.resources();
      }
    }
    refuseDuplicateKeys(toDeploy, parsed);
    Deployment deployment =
        new Deployment(
            ids.next(),
            request.name(),
            request.source(),
            request.tenantId(),
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    store.insertDeployment(handle, deployment);
    List<ProcessDefinition> definitions = new ArrayList<>();
    Map<String, ProcessModel> models = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> resource : toDeploy.entrySet()) {
      String name = resource.getKey();
      store.insertResource(
          handle, ids.next(), deployment.id(), name, resource.getValue(), hashes.get(name));
      ParsedBpmn bpmn = parsed.get(name);
      if (bpmn == null) {
        continue;
      }
      for (ProcessModel model : bpmn.processes()) {
        ProcessDefinition definition =
            newDefinition(handle, deployment, name, bpmn.targetNamespace(), model);
        store.insertProcessDefinition(handle, definition);
        listener.deployed(handle, definition, model);
        definitions.add(definition);
        models.put(definition.id(), model);
      }
    }
    models.forEach(cache::put);
    return new DeploymentWithDefinitions(deployment, definitions, true);
  }

  /**
   * Camunda's duplicate filtering: with deploy-changed-only, the new or changed resources; else
   * all resources when any of them is new or changed, none otherwise.
   */
  private Map<String, byte[]> changedResources(
      Handle handle, NewDeployment request, Map<String, String> hashes) {
    String source =
        request.source() == null || request.source().isEmpty()
            ? "process application"
            : request.source();
    Map<String, String> latest =
        store.latestResourceHashes(handle, request.name(), source, request.tenantId());
    Map<String, byte[]> changed = new LinkedHashMap<>();
    request
        .resources()
        .forEach(
            (name, content) -> {
              if (!hashes.get(name).equals(latest.get(name))) {
                changed.put(name, content);
              }
            });
    if (request.deployChangedOnly() || changed.isEmpty()) {
      return changed;
    }
    return request.resources();
  }

  private static void refuseDuplicateKeys(
      Map<String, byte[]> resources, Map<String, ParsedBpmn> parsed) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (String name : resources.keySet()) {
      ParsedBpmn bpmn = parsed.get(name);
      if (bpmn == null) {
        continue;
      }
      for (ProcessModel model : bpmn.processes()) {
        if (!keys.add(model.key())) {
          throw new ProcessEngineException(
              "The deployment contains definitions with the same key '"
                  + model.key()
                  + "' (id attribute), this is not allowed");
        }
      }
    }
  }

  private ProcessDefinition newDefinition(
      Handle handle, Deployment deployment, String resourceName, String category, ProcessModel model) {
    int version = store.latestVersion(handle, model.key(), deployment.tenantId()) + 1;
    String uuid = ids.next();
    String id = model.key() + ":" + version + ":" + uuid;
    if (id.length() > 64) {
      id = uuid;
    }
    return new ProcessDefinition(
        id,
        model.key(),
        model.name(),
        category,
        version,
        model.versionTag(),
        deployment.id(),
        resourceName,
        deployment.tenantId(),
        false,
        model.historyTimeToLive(),
        model.startableInTasklist());
  }

  /**
   * Deletes a deployment. Without {@code cascade} it is refused while process instances of its
   * definitions exist; with {@code cascade} their instances, jobs, incidents and history go too.
   *
   * @throws NotFoundException when the deployment does not exist
   * @throws ProcessEngineException when instances exist and {@code cascade} is false
   */
  public void deleteDeployment(String deploymentId, boolean cascade) {
    List<String> definitionIds =
        database.inTransaction(
            h -> {
              store.lockDeployments(h);
              if (store.findDeployment(h, deploymentId).isEmpty()) {
                throw deploymentNotFound(deploymentId);
              }
              if (!cascade) {
                Map<String, Long> counts = store.instanceCounts(h, deploymentId);
                if (!counts.isEmpty()) {
                  Map.Entry<String, Long> first = counts.entrySet().iterator().next();
                  throw new ProcessEngineException(
                      "ENGINE-03076 Deletion of process definition without cascading failed."
                          + " Process definition with id: "
                          + first.getKey()
                          + " can't be deleted, since there exists "
                          + first.getValue()
                          + " dependening process instances.");
                }
              }
              List<ProcessDefinition> removed = store.processDefinitionsOfDeployment(h, deploymentId);
              List<ProcessDefinition> latest =
                  removed.stream().filter(d -> isLatest(h, d)).toList();
              dataRemoval.remove(h, deploymentId, cascade);
              store.deleteDeployment(h, deploymentId);
              for (ProcessDefinition gone : latest) {
                store
                    .findLatestProcessDefinition(h, gone.key(), gone.tenantId())
                    .ifPresent(previous -> listener.latestAgain(h, previous, cache.get(h, previous.id())));
              }
              return removed.stream().map(ProcessDefinition::id).toList();
            });
    cache.evict(definitionIds);
  }

  private boolean isLatest(Handle handle, ProcessDefinition definition) {
    return store
        .findLatestProcessDefinition(handle, definition.key(), definition.tenantId())
        .filter(latest -> latest.id().equals(definition.id()))
        .isPresent();
  }

  /** @throws NotFoundException when the deployment does not exist */
  public Deployment getDeployment(String deploymentId) {
    return findDeployment(deploymentId).orElseThrow(() -> deploymentNotFound(deploymentId));
  }

  public Optional<Deployment> findDeployment(String deploymentId) {
    return database.withHandle(h -> store.findDeployment(h, deploymentId));
  }

  public List<Deployment> queryDeployments(DeploymentQuery query, Page page) {
    return deployments.list(query.filters(), page);
  }

  public long countDeployments(DeploymentQuery query) {
    return deployments.count(query.filters());
  }

  /** The resources of a deployment, by name. @throws NotFoundException for an unknown deployment */
  public List<DeploymentResource> getResources(String deploymentId) {
    return database.withHandle(
        h -> {
          if (store.findDeployment(h, deploymentId).isEmpty()) {
            throw deploymentNotFound(deploymentId);
          }
          return store.resources(h, deploymentId);
        });
  }

  /** The content of one resource of a deployment, if both exist. */
  public Optional<byte[]> findResourceContent(String deploymentId, String resourceId) {
    return database.withHandle(h -> store.resourceContent(h, deploymentId, resourceId));
  }

  /** @throws NotFoundException when no such definition is deployed */
  public ProcessDefinition getProcessDefinition(String processDefinitionId) {
    return findProcessDefinition(processDefinitionId)
        .orElseThrow(() -> definitionNotFound(processDefinitionId));
  }

  public Optional<ProcessDefinition> findProcessDefinition(String processDefinitionId) {
    return database.withHandle(h -> store.findProcessDefinition(h, processDefinitionId));
  }

  /** Like {@link #findProcessDefinition(String)}, in the caller's transaction. */
  public Optional<ProcessDefinition> findProcessDefinition(Handle handle, String processDefinitionId) {
    return store.findProcessDefinition(handle, processDefinitionId);
  }

  /**
   * The latest version of a process key in a tenant; {@code tenantId} null means the definitions
   * that belong to no tenant.
   */
  public Optional<ProcessDefinition> findLatestProcessDefinition(
      Handle handle, String key, String tenantId) {
    return store.findLatestProcessDefinition(handle, key, tenantId);
  }

  /**
   * The latest version of a key without tenant ({@code tenantId} null) or of a tenant.
   *
   * @throws NotFoundException with Camunda's REST message when there is none
   */
  public ProcessDefinition getLatestProcessDefinition(String key, String tenantId) {
    return database
        .withHandle(h -> store.findLatestProcessDefinition(h, key, tenantId))
        .orElseThrow(() -> latestNotFound(key, tenantId));
  }

  /** Camunda's error when no definition of the key (and tenant, or none) is deployed. */
  public static NotFoundException latestNotFound(String key, String tenantId) {
    return new NotFoundException(
        "RestException",
        "No matching process definition with key: "
            + key
            + (tenantId == null ? " and no tenant-id" : " and tenant-id: " + tenantId));
  }

  public List<ProcessDefinition> queryProcessDefinitions(ProcessDefinitionQuery query, Page page) {
    return definitions.list(query.filters(), page);
  }

  public long countProcessDefinitions(ProcessDefinitionQuery query) {
    return definitions.count(query.filters());
  }

  /** The deployments the caller may read ({@code READ} on them, of its tenants or of none). */
  public List<Deployment> queryDeployments(Caller caller, DeploymentQuery query, Page page) {
    return deployments.list(query.filters().restrict(readable(caller, "d", Resource.DEPLOYMENT, "d.id")), page);
  }

  public long countDeployments(Caller caller, DeploymentQuery query) {
    return deployments.count(readable(caller, "d", Resource.DEPLOYMENT, "d.id"), query.filters());
  }

  /** The definitions the caller may read ({@code READ} on their key, of its tenants or of none). */
  public List<ProcessDefinition> queryProcessDefinitions(
      Caller caller, ProcessDefinitionQuery query, Page page) {
    return definitions.list(
        query.filters().restrict(readable(caller, "pd", Resource.PROCESS_DEFINITION, "pd.proc_key")),
        page);
  }

  public long countProcessDefinitions(Caller caller, ProcessDefinitionQuery query) {
    return definitions.count(
        readable(caller, "pd", Resource.PROCESS_DEFINITION, "pd.proc_key"), query.filters());
  }

  /** {@code READ} on the row's resource, of the caller's tenants or of none. */
  private Restriction readable(Caller caller, String alias, Resource resource, String idSql) {
    return authorizer.readable(
        caller, alias + ".tenant_id", new Authorizer.RowCheck(Permission.READ, resource, idSql));
  }

  /** The BPMN XML a definition was deployed with. @throws NotFoundException for an unknown id */
  public String getProcessDefinitionXml(String processDefinitionId) {
    return database.withHandle(
        h -> {
          ProcessDefinition definition =
              store
                  .findProcessDefinition(h, processDefinitionId)
                  .orElseThrow(() -> definitionNotFound(processDefinitionId));
          byte[] xml =
              store
                  .resourceContentByName(h, definition.deploymentId(), definition.resourceName())
                  .orElseThrow(() -> definitionNotFound(processDefinitionId));
          return new String(xml, StandardCharsets.UTF_8);
        });
  }

  // Reads with Camunda's READ checks. Single look-ups Camunda's REST makes with a filtered query
  // answer "not found" for what the caller may not read; the others refuse with 403.

  /** The deployment, if the caller may read it ({@code READ} on it). */
  public Deployment getDeployment(Caller caller, String deploymentId) {
    return findDeployment(deploymentId)
        .filter(d -> granted(caller, PermissionCheck.of(Permission.READ, Resource.DEPLOYMENT, deploymentId)))
        .orElseThrow(() -> deploymentNotFound(deploymentId));
  }

  /** {@link #getResources(String)} with {@code READ} on the deployment (checked first). */
  public List<DeploymentResource> getResources(Caller caller, String deploymentId) {
    check(caller, PermissionCheck.of(Permission.READ, Resource.DEPLOYMENT, deploymentId));
    return getResources(deploymentId);
  }

  /** {@link #findResourceContent(String, String)} with {@code READ} on the deployment. */
  public Optional<byte[]> findResourceContent(Caller caller, String deploymentId, String resourceId) {
    check(caller, PermissionCheck.of(Permission.READ, Resource.DEPLOYMENT, deploymentId));
    return findResourceContent(deploymentId, resourceId);
  }

  /** The definition with {@code READ} on it (by key): 404 when unknown, 403 when not readable. */
  public ProcessDefinition getProcessDefinition(Caller caller, String processDefinitionId) {
    ProcessDefinition definition = getProcessDefinition(processDefinitionId);
    check(caller, readDefinition(definition));
    return definition;
  }

  /** The latest version the caller may read; one it may not read is not found, as in Camunda. */
  public ProcessDefinition getLatestProcessDefinition(Caller caller, String key, String tenantId) {
    ProcessDefinition definition = getLatestProcessDefinition(key, tenantId);
    if (!granted(caller, readDefinition(definition))) {
      throw latestNotFound(key, tenantId);
    }
    return definition;
  }

  /** {@link #getProcessDefinitionXml(String)} with {@code READ} on the definition. */
  public String getProcessDefinitionXml(Caller caller, String processDefinitionId) {
    getProcessDefinition(caller, processDefinitionId);
    return getProcessDefinitionXml(processDefinitionId);
  }

  private static PermissionCheck readDefinition(ProcessDefinition definition) {
    return PermissionCheck.of(Permission.READ, Resource.PROCESS_DEFINITION, definition.key());
  }

  private boolean granted(Caller caller, PermissionCheck check) {
    return database.withHandle(h -> authorizer.granted(h, caller, check));
  }

  static NotFoundException deploymentNotFound(String deploymentId) {
    return new NotFoundException("Deployment with id '" + deploymentId + "' does not exist");
  }

  static NotFoundException definitionNotFound(String processDefinitionId) {
    return new NotFoundException("No matching definition with id " + processDefinitionId);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
