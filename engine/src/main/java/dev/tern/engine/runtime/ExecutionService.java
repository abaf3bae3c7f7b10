package dev.tern.engine.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadService;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Listing;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of executions ({@link ExecutionQuery}) and their local variables: the root execution's (the
 * process instance's) are the process variables, a scope execution's (a token resting at a
 * sub-process or call activity, a multi-instance body) are its own, which end with the scope; other
 * tokens have none, and setting one there is refused.
 */
public final class ExecutionService extends ReadService<ExecutionQuery, Execution> {

  private final ProcessInstanceService instances;
  private final LocalVariables locals;

  ExecutionService(
      Database database, Clock clock, ProcessInstanceService instances, LocalVariables locals) {
    super(
        new Listing<>(
            database,
            clock,
            ExecutionQuery.COLUMNS,
            RecordMapper.of(
                Execution.class, "id, process_instance_id, activity_id, proc_def_id, tenant_id")),
        ExecutionQuery::new,
        id -> "Execution with id " + id + " does not exist");
    this.instances = instances;
    this.locals = locals;
  }

  /** The execution's local variables by name (a token that is no scope has none). */
  public Map<String, TypedValue> localVariables(Caller caller, String id) {
    Execution execution = get(caller, id);
    return execution.isProcessInstance()
        ? instances.variables(caller, id)
        : locals.all(caller, execution);
  }

  /** One local variable; empty if the execution has none of that name. */
  public Optional<TypedValue> localVariable(Caller caller, String id, String name) {
    Execution execution = get(caller, id);
    return execution.isProcessInstance()
        ? instances.variable(caller, id, name)
        : locals.get(caller, execution, name);
  }

  /**
   * Sets, then removes, local variables in one transaction, with the checks of {@link
   * ProcessInstanceService#modifyVariables(Caller, String, Map, List)}.
   *
   * @throws InvalidRequestException when a variable is set on a token that is no scope execution
   *     (Tern keeps its variables on the process instance or the scope around it)
   */
  public void modifyLocalVariables(
      Caller caller, String id, Map<String, TypedValue> modifications, List<String> deletions) {
    Execution execution = get(caller, id);
    if (execution.isProcessInstance()) {
      instances.modifyVariables(caller, id, modifications, deletions);
    } else if (locals.isScope(execution)) {
      locals.modify(caller, execution, modifications, deletions);
    } else if (modifications != null && !modifications.isEmpty()) {
      throw new InvalidRequestException(
          "Execution "
              + id
              + " is a token of process instance "
              + execution.processInstanceId()
              + " that is no scope: Tern keeps its variables on the process instance or the"
              + " scope execution around it, set them on execution "
              + execution.processInstanceId());
    }
  }
}
