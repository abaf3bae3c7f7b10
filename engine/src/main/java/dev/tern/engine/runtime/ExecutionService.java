package dev.tern.engine.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of executions ({@link ExecutionQuery}) and their local variables. Only the root execution
 * (the process instance) holds variables in Tern: its local variables are the process variables;
 * a token's are none, and setting one is refused.
 */
public final class ExecutionService {

  private final Listing<Execution> rows;
  private final ProcessInstanceService instances;

  ExecutionService(Database database, Clock clock, ProcessInstanceService instances) {
    this.rows = new Listing<>(database, clock, ExecutionQuery.COLUMNS, ExecutionService::map);
    this.instances = instances;
  }

  public ExecutionQuery createQuery() {
    return new ExecutionQuery();
  }

  /** The executions the query selects that the caller may read, one page of them. */
  public List<Execution> list(Caller caller, ExecutionQuery query, Page page) {
    return rows.list(query.readableBy(caller).filters(), page);
  }

  public long count(Caller caller, ExecutionQuery query) {
    return rows.count(query.readableBy(caller).filters());
  }

  /**
   * The execution with this id, if the caller may read its instance.
   *
   * @throws NotFoundException otherwise
   */
  public Execution get(Caller caller, String id) {
    return rows
        .byId(createQuery().readableBy(caller).filters(), id)
        .orElseThrow(
            () -> new NotFoundException("Execution with id " + id + " does not exist"));
  }

  /** The execution's local variables by name (a token has none). */
  public Map<String, TypedValue> localVariables(Caller caller, String id) {
    Execution execution = get(caller, id);
    return execution.isProcessInstance() ? instances.variables(caller, id) : Map.of();
  }

  /** One local variable; empty if the execution has none of that name. */
  public Optional<TypedValue> localVariable(Caller caller, String id, String name) {
    Execution execution = get(caller, id);
    return execution.isProcessInstance() ? instances.variable(caller, id, name) : Optional.empty();
  }

  /**
   * Sets, then removes, local variables in one transaction, with the checks of {@link
   * ProcessInstanceService#modifyVariables(Caller, String, Map, List)}.
   *
   * @throws InvalidRequestException when a variable is set on a token (Tern keeps variables on the
   *     process instance)
   */
  public void modifyLocalVariables(
      Caller caller, String id, Map<String, TypedValue> modifications, List<String> deletions) {
    Execution execution = get(caller, id);
    if (execution.isProcessInstance()) {
      instances.modifyVariables(caller, id, modifications, deletions);
    } else if (modifications != null && !modifications.isEmpty()) {
      throw new InvalidRequestException(
          "Execution "
              + id
              + " is a token of process instance "
              + execution.processInstanceId()
              + ": Tern keeps variables on the process instance, set them on execution "
              + execution.processInstanceId());
    }
  }

  private static Execution map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Execution(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("activity_id"),
        rs.getString("proc_def_id"),
        rs.getString("tenant_id"));
  }
}
