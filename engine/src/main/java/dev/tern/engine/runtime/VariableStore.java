package dev.tern.engine.runtime;

import dev.tern.engine.OptimisticLockingException;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for {@code tern_variable} and its history mirror {@code tern_hi_variable}: process variables
 * (owned by the process instance: {@code act_inst_id} and {@code execution_id} are its id) and the
 * local variables of scope executions (owned by the scope's activity instance, {@code act_inst_id};
 * {@code execution_id} is the scope execution), unique by name per owner. Every method runs in
 * the caller's transaction.
 */
public final class VariableStore {

  /** Strings longer than this go to {@code clob_value}; {@code text_value} holds the rest. */
  static final int TEXT_LIMIT = 4000;

  /** The value columns {@link #read} needs (alias {@code v}). */
  public static final String VALUE_COLUMNS =
      "v.var_type, v.text_value, v.long_value, v.double_value, v.clob_value, v.value_info";

  private static final String COLUMNS = "v.name, " + VALUE_COLUMNS + ", b.bytes";

  private static final String SELECT_ALL =
      "SELECT "
          + COLUMNS
          + " FROM tern_variable v LEFT JOIN tern_variable_bytes b ON b.variable_id = v.id"
          + " WHERE v.act_inst_id = :owner ORDER BY v.name";

  private static final String SELECT_ALL_OF =
      "SELECT v.process_instance_id, "
          + COLUMNS
          + " FROM tern_variable v LEFT JOIN tern_variable_bytes b ON b.variable_id = v.id"
          + " WHERE v.act_inst_id = ANY(:pis) ORDER BY v.process_instance_id, v.name";

  private static final String SELECT_HISTORIC =
      "SELECT "
          + COLUMNS
          + " FROM tern_hi_variable v LEFT JOIN tern_hi_variable_bytes b ON b.variable_id = v.id"
          + " WHERE v.process_instance_id = :owner"
          + " AND (v.act_inst_id IS NULL OR v.act_inst_id = :owner)"
          + " AND v.state = 'CREATED' ORDER BY v.name";

  private static final String SELECT_ONE =
      "SELECT "
          + COLUMNS
          + " FROM tern_variable v LEFT JOIN tern_variable_bytes b ON b.variable_id = v.id"
          + " WHERE v.act_inst_id = :owner AND v.name = :name";

  private static final String SELECT_REVS =
      "SELECT id, rev, name FROM tern_variable WHERE act_inst_id = :owner";

  private static final String SELECT_OWNER =
      "SELECT proc_def_id, proc_def_key, root_process_instance_id, tenant_id"
          + " FROM tern_process_instance WHERE id = :pi";

  private static final String INSERT =
      """
      INSERT INTO tern_variable (id, rev, process_instance_id, execution_id, act_inst_id, name,
        var_type, text_value, long_value, double_value, clob_value, value_info, create_time)
      VALUES (:id, 1, :pi, :exec, :owner, :name, :type, :text, :long, :double, :clob, :info,
        :now)
      """;

  private static final String UPDATE =
      """
      UPDATE tern_variable SET rev = rev + 1, var_type = :type, text_value = :text,
        long_value = :long, double_value = :double, clob_value = :clob, value_info = :info
      WHERE id = :id AND rev = :rev
      """;

  private static final String INSERT_HISTORY =
      """
      INSERT INTO tern_hi_variable (id, process_instance_id, execution_id, act_inst_id,
        proc_def_id, proc_def_key, name, var_type, text_value, long_value, double_value,
        clob_value, value_info, create_time, state, tenant_id, removal_time)
      VALUES (:id, :pi, :exec, :owner, :procDefId, :procDefKey, :name, :type, :text, :long,
        :double, :clob, :info, :now, 'CREATED', :tenantId,
      """
          + dev.tern.engine.history.HistoryRetention.removalTimeOf(":pi")
          + ")";

  private static final String UPDATE_HISTORY =
      """
      UPDATE tern_hi_variable SET var_type = :type, text_value = :text, long_value = :long,
        double_value = :double, clob_value = :clob, value_info = :info
      WHERE id = :id
      """;

  private static final String DELETE_BYTES =
      "DELETE FROM tern_variable_bytes WHERE variable_id = ANY(:ids)";

  private static final String DELETE_HISTORIC_BYTES =
      "DELETE FROM tern_hi_variable_bytes WHERE variable_id = ANY(:ids)";

  private static final String INSERT_BYTES =
      "INSERT INTO tern_variable_bytes (variable_id, bytes) VALUES (:id, :bytes)";

  private static final String INSERT_HISTORIC_BYTES =
      "INSERT INTO tern_hi_variable_bytes (variable_id, bytes) VALUES (:id, :bytes)";

  private final Clock clock;
  private final Ids ids;
  private final HistoricDetailStore details;

  public VariableStore(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
    this.details = new HistoricDetailStore(ids);
  }

  /** All variables of a process instance, ordered by name. */
  public Map<String, TypedValue> all(Handle handle, String processInstanceId) {
    return byName(handle, SELECT_ALL, processInstanceId);
  }

  /** The variables history holds for an instance (not those removed), ordered by name. */
  Map<String, TypedValue> historic(Handle handle, String processInstanceId) {
    return byName(handle, SELECT_HISTORIC, processInstanceId);
  }

  private static Map<String, TypedValue> byName(Handle handle, String sql, String processInstanceId) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    handle
        .createQuery(sql)
        .bind("owner", processInstanceId)
        .map((rs, ctx) -> Map.entry(rs.getString("name"), read(rs, rs.getBytes("bytes"))))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /**
   * The variables of several process instances in one statement: by instance id, each ordered by
   * name; an instance without variables is absent.
   */
  public Map<String, Map<String, TypedValue>> allOf(Handle handle, Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    return byOwner(
        handle.createQuery(SELECT_ALL_OF).bindArray("pis", String.class, processInstanceIds.toArray()),
        "process_instance_id");
  }

  /**
   * Variables read by {@code query} (the value columns, {@code name}, {@code bytes} and {@code
   * ownerColumn}), by owner then name in the query's order.
   */
  public static Map<String, Map<String, TypedValue>> byOwner(Query query, String ownerColumn) {
    Map<String, Map<String, TypedValue>> result = new LinkedHashMap<>();
    query
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString(ownerColumn),
                    Map.entry(rs.getString("name"), read(rs, rs.getBytes("bytes")))))
        .forEach(
            e ->
                result
                    .computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                    .put(e.getValue().getKey(), e.getValue().getValue()));
    return result;
  }

  /** The local variables of a scope by its activity instance, ordered by name. */
  Map<String, TypedValue> allLocal(Handle handle, String scopeActivityInstanceId) {
    return byName(handle, SELECT_ALL, scopeActivityInstanceId);
  }

  /** One local variable of a scope (by its activity instance) by name. */
  Optional<TypedValue> getLocal(Handle handle, String scopeActivityInstanceId, String name) {
    return get(handle, scopeActivityInstanceId, name);
  }

  /**
   * Removes the runtime variables of scopes that ended (by their activity instances; their bytes
   * go with them); their history stays as it is ({@code CREATED}), as in Camunda 7.24.
   */
  void endScopes(Handle handle, Collection<String> scopeActivityInstanceIds) {
    if (scopeActivityInstanceIds.isEmpty()) {
      return;
    }
    handle
        .createUpdate("DELETE FROM tern_variable WHERE act_inst_id = ANY(:ids)")
        .bindArray("ids", String.class, scopeActivityInstanceIds.toArray())
        .execute();
  }

  /** One variable of a process instance by name. */
  public Optional<TypedValue> get(Handle handle, String processInstanceId, String name) {
    return handle
        .createQuery(SELECT_ONE)
        .bind("owner", processInstanceId)
        .bind("name", name)
        .map((rs, ctx) -> read(rs, rs.getBytes("bytes")))
        .findOne();
  }

  /** The bytes of a Bytes or File variable by its id (runtime or, if {@code historic}, history). */
  public static Optional<byte[]> bytes(Handle handle, String variableId, boolean historic) {
    return handle
        .createQuery(
            "SELECT bytes FROM "
                + (historic ? "tern_hi_variable_bytes" : "tern_variable_bytes")
                + " WHERE variable_id = :id")
        .bind("id", variableId)
        .map((rs, ctx) -> rs.getBytes(1))
        .findOne();
  }

  /**
   * Sets variables of a process instance: inserts the new names, updates the existing ones (guarded
   * by their revision), mirrors both into {@code tern_hi_variable} and records each write as a
   * variable update ({@code tern_hi_detail}). The process instance row must exist.
   *
   * @throws OptimisticLockingException if another transaction changed one of the variables first
   */
  public void setAll(Handle handle, String processInstanceId, Map<String, TypedValue> values) {
    setAll(handle, processInstanceId, values, false);
  }

  /**
   * {@link #setAll} for the variables an instance starts with: their updates are Camunda's
   * {@code initial} ones.
   */
  void setInitial(Handle handle, String processInstanceId, Map<String, TypedValue> values) {
    setAll(handle, processInstanceId, values, true);
  }

  /**
   * {@link #setAll} for the local variables of a scope execution: created, updated and recorded in
   * history with the scope's execution and activity instance.
   */
  void setLocal(Handle handle, VariableOwner scope, Map<String, TypedValue> values) {
    write(handle, scope.processInstanceId(), scope, values, false);
  }

  private void setAll(
      Handle handle, String processInstanceId, Map<String, TypedValue> values, boolean initial) {
    write(handle, processInstanceId, null, values, initial);
  }

  /** @param scope the owning scope execution, or null for process variables */
  private void write(
      Handle handle,
      String processInstanceId,
      VariableOwner scope,
      Map<String, TypedValue> values,
      boolean initial) {
    if (values.isEmpty()) {
      return;
    }
    String ownerId = scope == null ? processInstanceId : scope.activityInstanceId();
    Map<String, Existing> existing = new HashMap<>();
    handle
        .createQuery(SELECT_REVS)
        .bind("owner", ownerId)
        .map((rs, ctx) -> new Existing(rs.getString("id"), rs.getInt("rev"), rs.getString("name")))
        .forEach(e -> existing.put(e.name(), e));
    writeRows(handle, processInstanceId, Map.of(scope == null ? PROCESS : scope, values), existing, initial);
  }

  /**
   * Creates local variables of several scopes that have none yet (the loop variables of the
   * instances a parallel multi-instance body starts): a fixed number of statements whatever the
   * number of scopes.
   */
  void createLocals(
      Handle handle, String processInstanceId, Map<VariableOwner, Map<String, TypedValue>> values) {
    if (!values.isEmpty()) {
      writeRows(handle, processInstanceId, values, Map.of(), false);
    }
  }

  /** Stands for the process instance among the owners of {@link #writeRows}. */
  private static final VariableOwner PROCESS = new VariableOwner(null, null, null);

  private void writeRows(
      Handle handle,
      String processInstanceId,
      Map<VariableOwner, Map<String, TypedValue>> values,
      Map<String, Existing> existing,
      boolean initial) {
    Map<String, Object> owner = owner(handle, processInstanceId);
    Instant now = clock.instant();
    PreparedBatch inserts = handle.prepareBatch(INSERT);
    PreparedBatch historyInserts = handle.prepareBatch(INSERT_HISTORY);
    PreparedBatch updates = handle.prepareBatch(UPDATE);
    PreparedBatch historyUpdates = handle.prepareBatch(UPDATE_HISTORY);
    VariableOwner first = values.keySet().iterator().next();
    HistoricDetailStore.Updates detailRows =
        details.updates(
            handle,
            detailOwner(processInstanceId, owner, first == PROCESS ? null : first),
            now,
            initial);
    List<String> updatedNames = new ArrayList<>();
    List<String> rewrittenIds = new ArrayList<>();
    Map<String, byte[]> newBytes = new LinkedHashMap<>();
    values.forEach(
        (key, named) -> {
          VariableOwner scope = key == PROCESS ? null : key;
          String ownerId = scope == null ? processInstanceId : scope.activityInstanceId();
          String executionId = scope == null ? processInstanceId : scope.executionId();
          for (Map.Entry<String, TypedValue> entry : named.entrySet()) {
            Columns columns = Columns.of(entry.getValue());
            Existing row = existing.get(entry.getKey());
            String variableId = row == null ? ids.next() : row.id();
            if (row != null) {
              rewrittenIds.add(variableId);
            }
            detailRows.add(
                scope, variableId, entry.getKey(), row == null ? 0 : row.rev(), entry.getValue());
            if (entry.getValue().type().binary() && entry.getValue().value() != null) {
              newBytes.put(variableId, (byte[]) entry.getValue().value());
            }
            if (row == null) {
              bindColumns(inserts, columns)
                  .bind("id", variableId)
                  .bind("pi", processInstanceId)
                  .bind("exec", executionId)
                  .bind("owner", ownerId);
              inserts.bind("name", entry.getKey()).bind("now", now).add();
              bindColumns(historyInserts, columns)
                  .bind("id", variableId)
                  .bind("pi", processInstanceId)
                  .bind("exec", executionId)
                  .bind("owner", scope == null ? ownerId : scope.historyActivityInstanceId())
                  .bind("procDefId", owner.get("proc_def_id"))
                  .bind("procDefKey", owner.get("proc_def_key"))
                  .bind("tenantId", owner.get("tenant_id"))
                  .bind("name", entry.getKey())
                  .bind("now", now)
                  .add();
            } else {
              bindColumns(updates, columns).bind("id", row.id()).bind("rev", row.rev()).add();
              bindColumns(historyUpdates, columns).bind("id", row.id()).add();
              updatedNames.add(ownerId + "/" + entry.getKey());
            }
          }
        });
    if (updates.size() > 0) {
      int[] counts = updates.execute();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          String[] ownerAndName = updatedNames.get(i).split("/", 2);
          throw new OptimisticLockingException(
              "Variable '"
                  + ownerAndName[1]
                  + "' of execution "
                  + ownerAndName[0]
                  + " was updated by another transaction concurrently");
        }
      }
      historyUpdates.execute();
    }
    if (inserts.size() > 0) {
      inserts.execute();
      historyInserts.execute();
    }
    writeBytes(handle, rewrittenIds, newBytes);
    detailRows.execute();
  }

  /**
   * Adds to integer local variables of a scope (the counts of a multi-instance body) with one
   * statement for the runtime rows, one for their history and one for their updates, whatever
   * their number. The sum is computed by the database, not read first: of two transactions adding
   * at once, the second waits for the first's row locks and then adds to its committed value.
   *
   * @return the scope's local variables after the change
   */
  Map<String, TypedValue> addToLocals(
      Handle handle, VariableOwner scope, Map<String, Integer> deltas) {
    StringBuilder delta = new StringBuilder("CASE name");
    int i = 0;
    for (String name : deltas.keySet()) {
      delta.append(" WHEN :name").append(i).append(" THEN :delta").append(i++);
    }
    delta.append(" END");
    var update =
        handle.createUpdate(
            "UPDATE tern_variable SET rev = rev + 1, long_value = long_value + "
                + delta
                + ", text_value = CAST(long_value + "
                + delta
                + " AS VARCHAR(20)) WHERE act_inst_id = :owner AND name = ANY(:names)");
    i = 0;
    for (Map.Entry<String, Integer> entry : deltas.entrySet()) {
      update.bind("name" + i, entry.getKey()).bind("delta" + i++, (long) entry.getValue());
    }
    String[] names = deltas.keySet().toArray(String[]::new);
    update
        .bind("owner", scope.activityInstanceId())
        .bindArray("names", String.class, (Object[]) names)
        .execute();
    handle
        .createUpdate(
            """
            UPDATE tern_hi_variable SET
              long_value = (SELECT v.long_value FROM tern_variable v WHERE v.id = tern_hi_variable.id),
              text_value = (SELECT v.text_value FROM tern_variable v WHERE v.id = tern_hi_variable.id)
            WHERE id IN (SELECT id FROM tern_variable WHERE act_inst_id = :owner AND name = ANY(:names))
            """)
        .bind("owner", scope.activityInstanceId())
        .bindArray("names", String.class, (Object[]) names)
        .execute();
    details.recordCurrent(handle, scope, List.of(names), clock.instant());
    return allLocal(handle, scope.activityInstanceId());
  }

  private static Map<String, Object> owner(Handle handle, String processInstanceId) {
    return handle
        .createQuery(SELECT_OWNER)
        .bind("pi", processInstanceId)
        .mapToMap()
        .findOne()
        .orElseThrow(
            () -> new IllegalStateException("Process instance " + processInstanceId + " does not exist"));
  }

  private static HistoricDetailStore.Owner detailOwner(
      String processInstanceId, Map<String, Object> owner, VariableOwner scope) {
    return new HistoricDetailStore.Owner(
        processInstanceId,
        (String) owner.get("proc_def_id"),
        (String) owner.get("proc_def_key"),
        (String) owner.get("root_process_instance_id"),
        (String) owner.get("tenant_id"),
        scope);
  }

  /** Replaces the byte arrays of rewritten variables: old ones go, new ones are written. */
  private static void writeBytes(Handle handle, List<String> rewrittenIds, Map<String, byte[]> bytes) {
    if (!rewrittenIds.isEmpty()) {
      String[] array = rewrittenIds.toArray(String[]::new);
      handle.createUpdate(DELETE_BYTES).bindArray("ids", String.class, (Object[]) array).execute();
      handle
          .createUpdate(DELETE_HISTORIC_BYTES)
          .bindArray("ids", String.class, (Object[]) array)
          .execute();
    }
    if (bytes.isEmpty()) {
      return;
    }
    PreparedBatch runtime = handle.prepareBatch(INSERT_BYTES);
    PreparedBatch history = handle.prepareBatch(INSERT_HISTORIC_BYTES);
    bytes.forEach(
        (id, value) -> {
          runtime.bind("id", id).bind("bytes", value).add();
          history.bind("id", id).bind("bytes", value).add();
        });
    runtime.execute();
    history.execute();
  }

  /** Sets one variable; see {@link #setAll}. */
  public void set(Handle handle, String processInstanceId, String name, TypedValue value) {
    setAll(handle, processInstanceId, Map.of(name, value));
  }

  /**
   * Removes variables by name (names that do not exist are ignored), marks their history {@code
   * DELETED} and records each removal as a variable update with a null value, as Camunda does.
   *
   * @return how many variables were removed
   */
  public int delete(Handle handle, String processInstanceId, List<String> names) {
    return remove(handle, processInstanceId, null, names);
  }

  /** {@link #delete} for local variables of a scope execution. */
  int deleteLocal(Handle handle, VariableOwner scope, List<String> names) {
    return remove(handle, scope.processInstanceId(), scope, names);
  }

  private int remove(
      Handle handle, String processInstanceId, VariableOwner scope, List<String> names) {
    String ownerId = scope == null ? processInstanceId : scope.activityInstanceId();
    if (names.isEmpty()) {
      return 0;
    }
    String[] array = names.toArray(String[]::new);
    List<Removed> removed =
        handle
            .createQuery(
                "SELECT id, rev, name, var_type FROM tern_variable"
                    + " WHERE act_inst_id = :owner AND name = ANY(:names)")
            .bind("owner", ownerId)
            .bindArray("names", String.class, (Object[]) array)
            .map(
                (rs, ctx) ->
                    new Removed(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getInt("rev"),
                        ValueType.byName(rs.getString("var_type")).orElseThrow()))
            .list();
    if (removed.isEmpty()) {
      return 0;
    }
    HistoricDetailStore.Updates removals =
        details.updates(
            handle,
            detailOwner(processInstanceId, owner(handle, processInstanceId), scope),
            clock.instant(),
            false);
    removed.forEach(
        r -> removals.add(r.id(), r.name(), r.rev(), new TypedValue(r.type(), null, null)));
    removals.execute();
    handle
        .createUpdate(
            """
            UPDATE tern_hi_variable SET state = 'DELETED'
            WHERE id IN (SELECT id FROM tern_variable
                         WHERE act_inst_id = :owner AND name = ANY(:names))
            """)
        .bind("owner", ownerId)
        .bindArray("names", String.class, (Object[]) array)
        .execute();
    return handle
        .createUpdate("DELETE FROM tern_variable WHERE act_inst_id = :owner AND name = ANY(:names)")
        .bind("owner", ownerId)
        .bindArray("names", String.class, (Object[]) array)
        .execute();
  }

  /**
   * A concurrent path goes back into its scope execution: its own local variables (stored under
   * its execution id) become the scope's ({@code scope}: the instance, whose owner is its id, or a
   * sub-process's scope execution), as Camunda 7.24 moves them. A name the scope already holds
   * takes the path's value there (an update in history) and the path's variable goes; the history
   * of the moved ones keeps the path's execution, as the reference server's does.
   */
  void moveToScope(Handle handle, String pathExecutionId, VariableOwner scope) {
    Map<String, TypedValue> path = allLocal(handle, pathExecutionId);
    if (path.isEmpty()) {
      return;
    }
    String scopeOwner = scope.activityInstanceId();
    List<String> taken =
        handle
            .createQuery(
                "SELECT name FROM tern_variable WHERE act_inst_id = :owner AND name = ANY(:names)")
            .bind("owner", scopeOwner)
            .bindArray("names", String.class, path.keySet().toArray())
            .mapTo(String.class)
            .list();
    if (!taken.isEmpty()) {
      Map<String, TypedValue> overwritten = new LinkedHashMap<>();
      taken.forEach(name -> overwritten.put(name, path.get(name)));
      write(
          handle,
          scope.processInstanceId(),
          scopeOwner.equals(scope.processInstanceId()) ? null : scope,
          overwritten,
          false);
      handle
          .createUpdate("DELETE FROM tern_variable WHERE act_inst_id = :path AND name = ANY(:names)")
          .bind("path", pathExecutionId)
          .bindArray("names", String.class, taken.toArray())
          .execute();
    }
    handle
        .createUpdate(
            "UPDATE tern_variable SET execution_id = :exec, act_inst_id = :owner"
                + " WHERE act_inst_id = :path")
        .bind("exec", scope.executionId())
        .bind("owner", scopeOwner)
        .bind("path", pathExecutionId)
        .execute();
  }

  /**
   * Concurrent paths ended (at an end event, a join, cancelled): the local variables they held
   * under their execution ids go; their history stays {@code CREATED}, as in Camunda 7.24.
   */
  void endPaths(Handle handle, String processInstanceId, Collection<String> pathExecutionIds) {
    if (pathExecutionIds.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            "DELETE FROM tern_variable WHERE act_inst_id = ANY(:ids)"
                + " AND process_instance_id = :pi AND act_inst_id <> :pi")
        .bindArray("ids", String.class, pathExecutionIds.toArray())
        .bind("pi", processInstanceId)
        .execute();
  }

  /** Moves the local variables of one execution to another (the first is being replaced). */
  void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_variable", fromExecutionId, toExecutionId);
  }

  /**
   * Removes all runtime variables of a process instance (when it ends or is deleted); their history
   * stays as it is, as in Camunda.
   */
  public int deleteAll(Handle handle, String processInstanceId) {
    return handle
        .createUpdate("DELETE FROM tern_variable WHERE process_instance_id = :pi")
        .bind("pi", processInstanceId)
        .execute();
  }

  /** Deletes the variable history of these process instances (their bytes go with it). */
  public static void deleteHistoryOfProcessInstances(Handle handle, List<String> processInstanceIds) {
    dev.tern.engine.persistence.OwnedRows.deleteOfProcessInstances(
        handle, "tern_hi_variable", processInstanceIds);
    HistoricDetailStore.deleteOfProcessInstances(handle, processInstanceIds);
  }

  /** Deletes the variables and their history of the instances of a deployment's definitions. */
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    handle
        .createUpdate(
            "DELETE FROM tern_variable WHERE process_instance_id IN (SELECT id FROM"
                + " tern_process_instance WHERE proc_def_id IN "
                + ExecutionStore.DEFINITIONS_OF_DEPLOYMENT
                + ")")
        .bind("deploymentId", deploymentId)
        .execute();
    handle
        .createUpdate(
            "DELETE FROM tern_hi_variable WHERE proc_def_id IN "
                + ExecutionStore.DEFINITIONS_OF_DEPLOYMENT)
        .bind("deploymentId", deploymentId)
        .execute();
    HistoricDetailStore.deleteOfDeployment(handle, deploymentId);
  }

  private static PreparedBatch bindColumns(PreparedBatch batch, Columns columns) {
    return batch
        .bind("type", columns.type())
        .bind("text", columns.text())
        .bind("long", columns.longValue())
        .bind("double", columns.doubleValue())
        .bind("clob", columns.clob())
        .bind("info", columns.info());
  }

  /**
   * The value columns of a typed value as named binds ({@code type}, {@code text}, {@code long},
   * {@code double}, {@code clob}, {@code info}, and {@code bytes} of a Bytes or File value): for
   * other tables with the same value columns (task variables).
   */
  public static Map<String, Object> valueBinds(TypedValue value) {
    Columns columns = Columns.of(value);
    Map<String, Object> binds = new HashMap<>();
    binds.put("type", columns.type());
    binds.put("text", columns.text());
    binds.put("long", columns.longValue());
    binds.put("double", columns.doubleValue());
    binds.put("clob", columns.clob());
    binds.put("info", columns.info());
    binds.put("bytes", value.value() instanceof byte[] bytes ? bytes : null);
    return binds;
  }

  /**
   * Reads a typed value from a row with the {@link #VALUE_COLUMNS}, without the bytes of a Bytes or
   * File value (as Camunda's queries leave them out); shared with history.
   */
  public static TypedValue read(ResultSet rs) throws SQLException {
    return read(rs, null);
  }

  /** {@link #read(ResultSet)} with the bytes of a Bytes or File value. */
  public static TypedValue read(ResultSet rs, byte[] bytes) throws SQLException {
    String storage = rs.getString("var_type");
    ValueType type =
        ValueType.byName(storage)
            .orElseThrow(() -> new IllegalStateException("Unknown variable type " + storage));
    long longValue = rs.getLong("long_value");
    boolean longNull = rs.wasNull();
    double doubleValue = rs.getDouble("double_value");
    boolean doubleNull = rs.wasNull();
    Object value =
        switch (type) {
          case STRING -> {
            String text = rs.getString("text_value");
            yield text != null ? text : rs.getString("clob_value");
          }
          case JSON, XML, OBJECT -> rs.getString("clob_value");
          case BOOLEAN -> longNull ? null : longValue != 0;
          case INTEGER -> longNull ? null : (int) longValue;
          case SHORT -> longNull ? null : (short) longValue;
          case LONG -> longNull ? null : longValue;
          case DOUBLE -> doubleNull ? null : doubleValue;
          case DATE -> longNull ? null : Instant.ofEpochMilli(longValue);
          case BYTES, FILE -> bytes;
          case NULL -> null;
        };
    return new TypedValue(type, value, ValueInfoColumn.read(rs.getString("value_info")));
  }

  private record Existing(String id, int rev, String name) {}

  private record Removed(String id, String name, int rev, ValueType type) {}

  /** How a typed value is spread over the value columns. */
  private record Columns(
      String type, String text, Long longValue, Double doubleValue, String clob, String info) {

    static Columns of(TypedValue typed) {
      String type = typed.type().storageName();
      Object value = typed.value();
      if (value == null) {
        return empty(type).withInfo(ValueInfoColumn.write(typed.valueInfo()));
      }
      return switch (typed.type()) {
        case STRING -> {
          String s = (String) value;
          yield s.length() <= TEXT_LIMIT ? empty(type).withText(s) : empty(type).withClob(s);
        }
        case JSON, XML -> empty(type).withClob((String) value);
        case OBJECT ->
            empty(type).withClob((String) value).withInfo(ValueInfoColumn.write(typed.valueInfo()));
        // the bytes go to the byte-array table; the file's name, type and encoding stay here
        case BYTES -> empty(type);
        case FILE -> empty(type).withInfo(ValueInfoColumn.write(typed.valueInfo()));
        case BOOLEAN -> empty(type).withLong(((Boolean) value) ? 1L : 0L);
        // numbers keep their text form too, so a string filter such as amount_eq_5 matches them
        case INTEGER, SHORT, LONG ->
            empty(type).withText(value.toString()).withLong(((Number) value).longValue());
        case DOUBLE -> empty(type).withText(value.toString()).withDouble((Double) value);
        case DATE -> empty(type).withLong(((Instant) value).toEpochMilli());
        case NULL -> empty(type);
      };
    }

    private static Columns empty(String type) {
      return new Columns(type, null, null, null, null, null);
    }

    private Columns withText(String value) {
      return new Columns(type, value, longValue, doubleValue, clob, info);
    }

    private Columns withLong(Long value) {
      return new Columns(type, text, value, doubleValue, clob, info);
    }

    private Columns withDouble(Double value) {
      return new Columns(type, text, longValue, value, clob, info);
    }

    private Columns withInfo(String value) {
      return new Columns(type, text, longValue, doubleValue, clob, value);
    }

    private Columns withClob(String value) {
      return new Columns(type, text, longValue, doubleValue, value, info);
    }
  }
}
