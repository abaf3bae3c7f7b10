package dev.tern.engine.runtime;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.query.Restriction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Operations on running process instances: look-up and queries, deletion, suspension, and their
 * variables. Each call is one transaction.
 */
public final class ProcessInstanceService {

  private final Database database;
  private final Clock clock;
  private final ProcessInstanceStore instances;
  private final VariableStore variables;
  private final InstanceRemoval removal;
  private final DeployedProcesses processes;
  private final ActivityInstanceTree activityInstances;
  private final Authorizer authorizer = new Authorizer();
  // no instance filter depends on the current time
  private final Listing<RuntimeProcessInstance> rows;

  ProcessInstanceService(
      Database database,
      Clock clock,
      ProcessInstanceStore instances,
      VariableStore variables,
      InstanceRemoval removal,
      DeployedProcesses processes,
      ActivityInstanceTree activityInstances,
      VariableChangeListener changeListener) {
    this.changeListener = changeListener;
    this.processes = processes;
    this.activityInstances = activityInstances;
    this.database = database;
    this.clock = clock;
    this.instances = instances;
    this.variables = variables;
    this.removal = removal;
    this.rows =
        new Listing<>(database, ProcessInstanceQuery.COLUMNS, ProcessInstanceStore.MAPPER);
  }

  /** Hears variable changes made through this service (conditional events react to them). */
  interface VariableChangeListener {
    void variablesChanged(Handle handle, String processInstanceId, List<VariableChange> changes);
  }

  private final VariableChangeListener changeListener;

  /** The instance with this id, if it is running. */
  public Optional<RuntimeProcessInstance> find(String id) {
    return database.withHandle(h -> instances.find(h, id));
  }

  /**
   * The instance with this id.
   *
   * @throws NotFoundException if no such instance is running
   */
  public RuntimeProcessInstance get(String id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * The instance, if the caller may read it ({@code READ} on it or {@code READ_INSTANCE} on its
   * definition); otherwise not found, as Camunda's REST looks it up with a filtered query.
   */
  public RuntimeProcessInstance get(Caller caller, String id) {
    return database
        .withHandle(
            h ->
                instances
                    .find(h, id)
                    .filter(
                        instance ->
                            authorizer.grantedAny(
                                h,
                                caller,
                                PermissionCheck.of(Permission.READ, Resource.PROCESS_INSTANCE, id),
                                PermissionCheck.of(
                                    Permission.READ_INSTANCE,
                                    Resource.PROCESS_DEFINITION,
                                    instance.processDefinitionKey()))))
        .orElseThrow(() -> notFound(id));
  }

  /**
   * The instance's activity-instance tree, if the caller may read the instance (as {@link
   * #get(Caller, String)}).
   */
  public ActivityInstance activityInstances(Caller caller, String id) {
    RuntimeProcessInstance instance;
    try {
      instance = get(caller, id);
    } catch (NotFoundException e) {
      // Camunda's words for this route
      throw new NotFoundException(
          "InvalidRequestException", "Process instance with id " + id + " does not exist");
    }
    return database.withHandle(
        h ->
            activityInstances.of(
                h,
                instance,
                processes
                    .findById(h, instance.processDefinitionId())
                    .orElseThrow(() -> notFound(id))));
  }

  /** The instances the query selects, sorted as it asks (then by id), one page of them. */
  public List<RuntimeProcessInstance> list(ProcessInstanceQuery query, Page page) {
    return rows.list(query.filters(), page);
  }

  public long count(ProcessInstanceQuery query) {
    return rows.count(query.filters());
  }

  /** The instances the query selects that the caller may read ({@code READ} / {@code READ_INSTANCE}). */
  public List<RuntimeProcessInstance> list(Caller caller, ProcessInstanceQuery query, Page page) {
    return list(query.readableBy(caller), page);
  }

  public long count(Caller caller, ProcessInstanceQuery query) {
    return count(query.readableBy(caller));
  }


  /**
   * Deletes an instance if the caller has {@code DELETE} on it or {@code DELETE_INSTANCE} on its
   * definition.
   */
  public void delete(Caller caller, String id, String deleteReason) {
    database.useTransaction(
        h -> {
          RuntimeProcessInstance instance =
              instances.lock(h, id).orElseThrow(() -> notFoundForDeletion(id));
          authorizer.check(
              h,
              caller,
              PermissionCheck.of(Permission.DELETE, Resource.PROCESS_INSTANCE, id),
              PermissionCheck.of(
                  Permission.DELETE_INSTANCE, Resource.PROCESS_DEFINITION, instance.processDefinitionKey()));
          removal.delete(h, id, deleteReason, clock.instant());
        });
  }

  /** Suspends or activates with {@code UPDATE}/{@code SUSPEND} on it or its definition. */
  public void setSuspended(Caller caller, String id, boolean suspended) {
    database.useTransaction(
        h -> {
          RuntimeProcessInstance instance = instances.lock(h, id).orElseThrow(() -> notFound(id));
          checkUpdate(
              h,
              caller,
              instance,
              Permission.SUSPEND_PROCESS_INSTANCE,
              Permission.SUSPEND_INSTANCE);
          removal.setSuspended(h, id, suspended);
        });
  }

  /**
   * Deletes a running instance with its executions, variables, jobs and incidents; its history
   * ends as {@code EXTERNALLY_TERMINATED} with the given reason.
   *
   * @throws NotFoundException if no such instance is running
   */
  public void delete(String id, String deleteReason) {
    database.useTransaction(
        h -> {
          instances.lock(h, id).orElseThrow(() -> notFoundForDeletion(id));
          removal.delete(h, id, deleteReason, clock.instant());
        });
  }

  /**
   * Suspends an instance and its jobs (suspended jobs are never run).
   *
   * @throws NotFoundException if no such instance is running
   */
  public void suspend(String id) {
    setSuspended(id, true);
  }

  /**
   * Activates a suspended instance and its jobs.
   *
   * @throws NotFoundException if no such instance is running
   */
  public void activate(String id) {
    setSuspended(id, false);
  }

  private void setSuspended(String id, boolean suspended) {
    database.useTransaction(
        h -> {
          if (!removal.setSuspended(h, id, suspended)) {
            throw notFound(id);
          }
        });
  }

  /**
   * All variables of a running instance, ordered by name.
   *
   * @throws NotFoundException if no such instance is running
   */
  public Map<String, TypedValue> variables(String id) {
    return database.withHandle(
        h -> {
          instances.find(h, id).orElseThrow(() -> notFound(id));
          return variables.all(h, id);
        });
  }

  /** The variables of an instance as history keeps them (e.g. after it ended), by name. */
  public Map<String, TypedValue> historicVariables(String id) {
    return database.withHandle(h -> variables.historic(h, id));
  }

  /**
   * One variable of a running instance; empty if the instance has no variable of that name.
   *
   * @throws NotFoundException if no such instance is running
   */
  public Optional<TypedValue> variable(String id, String name) {
    return database.withHandle(
        h -> {
          instances.find(h, id).orElseThrow(() -> notFound(id));
          return variables.get(h, id, name);
        });
  }

  /**
   * Sets, then removes, variables of a running instance in one transaction (as Camunda does);
   * removing a name that does not exist is not an error.
   *
   * @throws NotFoundException if no such instance is running
   */
  public void modifyVariables(String id, Map<String, TypedValue> modifications, List<String> deletions) {
    database.useTransaction(
        h -> {
          instances.lock(h, id).orElseThrow(() -> notFound(id));
          List<VariableChange> changes = new java.util.ArrayList<>();
          if (modifications != null) {
            Map<String, TypedValue> before = variables.all(h, id);
            modifications.keySet().forEach(
                name ->
                    changes.add(
                        new VariableChange(
                            name,
                            before.containsKey(name) ? VariableChange.UPDATE : VariableChange.CREATE)));
            variables.setAll(h, id, modifications);
          }
          if (deletions != null) {
            deletions.forEach(name -> changes.add(new VariableChange(name, VariableChange.DELETE)));
            variables.delete(h, id, deletions);
          }
          if (!changes.isEmpty()) {
            changeListener.variablesChanged(h, id, changes);
          }
        });
  }

  /** Sets one variable of a running instance. */
  public void setVariable(String id, String name, TypedValue value) {
    modifyVariables(id, Map.of(name, value), List.of());
  }

  /** Removes one variable of a running instance (no error if it does not exist). */
  public void removeVariable(String id, String name) {
    modifyVariables(id, Map.of(), List.of(name));
  }

  /**
   * The variables of a running instance, if the caller has {@code READ} on it or {@code
   * READ_INSTANCE} on its definition (403 otherwise, as Camunda's variable reads check).
   */
  public Map<String, TypedValue> variables(Caller caller, String id) {
    return database.withHandle(
        h -> {
          checkVariables(h, caller, id, false);
          return variables.all(h, id);
        });
  }

  /** {@link #variable(String, String)} with the read check of {@link #variables(Caller, String)}. */
  public Optional<TypedValue> variable(Caller caller, String id, String name) {
    return database.withHandle(
        h -> {
          checkVariables(h, caller, id, false);
          return variables.get(h, id, name);
        });
  }

  /**
   * {@link #modifyVariables(String, Map, List)} if the caller has {@code UPDATE} or {@code
   * UPDATE_VARIABLE} on the instance, or {@code UPDATE_INSTANCE} or {@code
   * UPDATE_INSTANCE_VARIABLE} on its definition.
   */
  public void modifyVariables(
      Caller caller, String id, Map<String, TypedValue> modifications, List<String> deletions) {
    database.useTransaction(
        h -> {
          checkVariables(h, caller, id, true);
          if (modifications != null) {
            variables.setAll(h, id, modifications);
          }
          if (deletions != null) {
            variables.delete(h, id, deletions);
          }
        });
  }

  void checkVariables(Handle h, Caller caller, String id, boolean update) {
    RuntimeProcessInstance instance =
        (update ? instances.lock(h, id) : instances.find(h, id)).orElseThrow(() -> notFound(id));
    if (update) {
      checkUpdate(
          h, caller, instance, Permission.UPDATE_VARIABLE, Permission.UPDATE_INSTANCE_VARIABLE);
    } else {
      String key = instance.processDefinitionKey();
      authorizer.check(
          h,
          caller,
          PermissionCheck.of(Permission.READ, Resource.PROCESS_INSTANCE, id),
          PermissionCheck.of(Permission.READ_INSTANCE, Resource.PROCESS_DEFINITION, key));
    }
  }

  /**
   * Camunda's check of a change to an instance: {@code UPDATE} or {@code onInstance} on it, or
   * {@code UPDATE_INSTANCE} or {@code onDefinition} on its definition.
   */
  private void checkUpdate(
      Handle h,
      Caller caller,
      RuntimeProcessInstance instance,
      Permission onInstance,
      Permission onDefinition) {
    String id = instance.id();
    String key = instance.processDefinitionKey();
    authorizer.check(
        h,
        caller,
        PermissionCheck.of(Permission.UPDATE, Resource.PROCESS_INSTANCE, id),
        PermissionCheck.of(onInstance, Resource.PROCESS_INSTANCE, id),
        PermissionCheck.of(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, key),
        PermissionCheck.of(onDefinition, Resource.PROCESS_DEFINITION, key));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("Process instance with id " + id + " does not exist");
  }

  /** Camunda words a deletion's miss differently from a read's. */
  private static NotFoundException notFoundForDeletion(String id) {
    return NotFoundException.wrappingEngineError(
        "No process instance found for id '" + id + "': processInstance is null");
  }
}
