package dev.tern.engine.runtime;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadService;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of runtime variables ({@code tern_variable}, kept by {@link VariableStore}) across
 * instances: what the caller may read is what {@code READ} on the instance or {@code READ_INSTANCE}
 * on its definition allows, of its tenants or of none.
 */
public final class VariableInstanceService
    extends ReadService<VariableInstanceQuery, VariableInstance> {

  private final Database database;

  /** Reads give Bytes and File values without their bytes ({@link #data} has them). */
  VariableInstanceService(Database database, Clock clock) {
    super(
        new Listing<>(database, clock, VariableInstanceQuery.COLUMNS, VariableInstanceService::map),
        VariableInstanceQuery::new,
        id -> "Variable instance with Id '" + id + "' does not exist.");
    this.database = database;
  }

  /** {@link #get} with the bytes of a Bytes or File value. */
  public VariableInstance data(Caller caller, String id) {
    VariableInstance variable = get(caller, id);
    return variable.withValue(withBytes(database, variable.value(), id, false));
  }

  /** A Bytes or File value with its bytes, read from the runtime or the historic variable row. */
  static TypedValue withBytes(Database database, TypedValue value, String id, boolean historic) {
    return withBytes(database, value, h -> VariableStore.bytes(h, id, historic));
  }

  /** The value with its bytes, read by {@code bytes}, if it is of a binary type. */
  static TypedValue withBytes(
      Database database, TypedValue value, Function<Handle, Optional<byte[]>> bytes) {
    if (!value.type().binary()) {
      return value;
    }
    return new TypedValue(value.type(), database.withHandle(bytes::apply).orElse(null), value.valueInfo());
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
