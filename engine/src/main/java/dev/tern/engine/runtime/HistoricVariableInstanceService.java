package dev.tern.engine.runtime;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of variable history ({@code tern_hi_variable}, kept by {@link VariableStore}): what the
 * caller may read is what {@code READ_HISTORY} on the process definition allows, of its tenants or
 * of none, as in Camunda.
 */
public final class HistoricVariableInstanceService {

  private static final String COLUMNS =
      "v.id, v.name, " + VariableStore.VALUE_COLUMNS + ","
          + " v.process_instance_id, v.execution_id,"
          + " COALESCE(v.act_inst_id, v.process_instance_id) act_inst_id, v.proc_def_id, v.proc_def_key, v.tenant_id,"
          + " v.state, v.create_time, v.removal_time, "
          + dev.tern.engine.history.CallChainRoot.column("v");

  private final Database database;
  private final Listing<HistoricVariableInstance> rows;
  private final Authorizer authorizer = new Authorizer();

  public HistoricVariableInstanceService(Database database, Clock clock) {
    this.database = database;
    this.rows = new Listing<>(database, clock, COLUMNS, HistoricVariableInstanceService::map);
  }

  public HistoricVariableInstanceQuery createQuery() {
    return new HistoricVariableInstanceQuery();
  }

  public List<HistoricVariableInstance> list(
      Caller caller, HistoricVariableInstanceQuery query, Page page) {
    restrict(caller, query);
    return rows.list(query.filters(), page);
  }

  public long count(Caller caller, HistoricVariableInstanceQuery query) {
    restrict(caller, query);
    return rows.count(query.filters());
  }

  /**
   * A variable by id, deleted ones included (as Camunda's single-variable look-up).
   *
   * @throws NotFoundException if there is none the caller may read
   */
  public HistoricVariableInstance get(Caller caller, String id) {
    HistoricVariableInstanceQuery query = createQuery();
    query.filters().set("includeDeleted", true);
    restrict(caller, query);
    return rows
        .byId(query.filters(), id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Historic variable instance with Id '" + id + "' does not exist."));
  }

  /** {@link #get} with the bytes of a Bytes or File value. */
  public HistoricVariableInstance data(Caller caller, String id) {
    HistoricVariableInstance variable = get(caller, id);
    return variable.withValue(
        VariableInstanceService.withBytes(database, variable.value(), id, true));
  }

  /**
   * Deletes the variable history of a process instance (running or ended), with {@code
   * DELETE_HISTORY} on its definition, as Camunda's {@code
   * deleteHistoricVariableInstancesByProcessInstanceId}.
   *
   * @throws NotFoundException if history has no such instance
   */
  public void deleteOfProcessInstance(Caller caller, String processInstanceId) {
    database.useTransaction(
        handle -> {
          String key =
              handle
                  .createQuery("SELECT proc_def_key FROM tern_hi_process_instance WHERE id = :id")
                  .bind("id", processInstanceId)
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "No historic process instance found with id: "
                                  + processInstanceId
                                  + ": instance is null"));
          authorizer.check(
              handle,
              caller,
              PermissionCheck.of(Permission.DELETE_HISTORY, Resource.PROCESS_DEFINITION, key));
          VariableStore.deleteHistoryOfProcessInstances(handle, List.of(processInstanceId));
        });
  }

  private void restrict(Caller caller, HistoricVariableInstanceQuery query) {
    if (!query.includesDeleted()) {
      query.filters().restrict(bind -> "v.state = 'CREATED'");
    }
    query.filters().restrict(authorizer.historyReadable(caller, "v"));
  }

  private static HistoricVariableInstance map(ResultSet rs, StatementContext ctx)
      throws SQLException {
    OffsetDateTime created = rs.getObject("create_time", OffsetDateTime.class);
    return new HistoricVariableInstance(
        rs.getString("id"),
        rs.getString("name"),
        VariableStore.read(rs),
        HistoricVariableInstance.Owner.read(rs),
        rs.getString("state"),
        created == null ? null : created.toInstant(),
        dev.tern.engine.persistence.Rows.instant(rs, "removal_time"));
  }
}
