package dev.tern.engine.runtime;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of runtime variables ({@code tern_variable}, kept by {@link VariableStore}) across
 * instances: what the caller may read is what {@code READ} on the instance or {@code READ_INSTANCE}
 * on its definition allows, of its tenants or of none.
 */
public final class VariableInstanceService {

  private final Database database;
  private final Listing<VariableInstance> rows;

  VariableInstanceService(Database database, Clock clock) {
    this.database = database;
    this.rows =
        new Listing<>(database, clock, VariableInstanceQuery.COLUMNS, VariableInstanceService::map);
  }

  public VariableInstanceQuery createQuery() {
    return new VariableInstanceQuery();
  }

  /** The variables the query selects, one page of them, Bytes and File values without bytes. */
  public List<VariableInstance> list(Caller caller, VariableInstanceQuery query, Page page) {
    return rows.list(query.readableBy(caller).filters(), page);
  }

  public long count(Caller caller, VariableInstanceQuery query) {
    return rows.count(query.readableBy(caller).filters());
  }

  /**
   * A variable by id, Bytes and File values without bytes.
   *
   * @throws NotFoundException if there is none the caller may read
   */
  public VariableInstance get(Caller caller, String id) {
    return rows
        .byId(createQuery().readableBy(caller).filters(), id)
        .orElseThrow(
            () -> new NotFoundException("Variable instance with Id '" + id + "' does not exist."));
  }

  /** {@link #get} with the bytes of a Bytes or File value. */
  public VariableInstance data(Caller caller, String id) {
    VariableInstance variable = get(caller, id);
    TypedValue value = variable.value();
    if (!value.type().binary()) {
      return variable;
    }
    byte[] bytes = database.withHandle(h -> VariableStore.bytes(h, id, false)).orElse(null);
    return new VariableInstance(
        variable.id(),
        variable.name(),
        new TypedValue(value.type(), bytes, value.valueInfo()),
        variable.processInstanceId(),
        variable.executionId(),
        variable.activityInstanceId(),
        variable.processDefinitionId(),
        variable.tenantId());
  }

  private static VariableInstance map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new VariableInstance(
        rs.getString("id"),
        rs.getString("name"),
        VariableStore.read(rs),
        rs.getString("process_instance_id"),
        rs.getString("execution_id"),
        rs.getString("act_inst_id"),
        rs.getString("proc_def_id"),
        rs.getString("tenant_id"));
  }
}
