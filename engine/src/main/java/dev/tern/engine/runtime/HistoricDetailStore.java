package dev.tern.engine.runtime;

import dev.tern.engine.persistence.Ids;
import dev.tern.engine.persistence.OwnedRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for {@code tern_hi_detail}, Camunda's variable updates: {@link VariableStore} adds one row per
 * variable it writes or removes, in the same batch as the variable. Every method runs in the
 * caller's transaction.
 */
final class HistoricDetailStore {

  static final String VARIABLE_UPDATE = "variableUpdate";

  private static final String INSERT =
      """
      INSERT INTO tern_hi_detail (id, detail_type, process_instance_id, execution_id, act_inst_id,
        proc_def_id, proc_def_key, root_process_instance_id, tenant_id, variable_instance_id, name,
        var_type, text_value, long_value, double_value, clob_value, value_info, bytes, revision,
        is_initial, detail_time, occurrence, removal_time)
      VALUES (:id, 'variableUpdate', :pi, :exec, <activityInstance>, :procDefId, :procDefKey, :root,
        :tenantId, :variableId, :name, :type, :text, :long, :double, :clob, :info, :bytes,
        :revision, :initial, :now, :occurrence,
      """
          + dev.tern.engine.history.HistoryRetention.removalTimeOf(":pi")
          + ")";

  /**
   * The activity instance of a later write, as Camunda takes it from the process instance's
   * execution: the activity its token rests at (a user task's instance), none while a job is to
   * continue it (async), else the process instance. Variables an instance starts with belong to
   * the process instance.
   */
  private static final String CURRENT_ACTIVITY_INSTANCE =
      """
      NULLIF(COALESCE((SELECT CASE WHEN e.state = 'ASYNC' THEN '' ELSE e.activity_instance_id END
        FROM tern_execution e WHERE e.id = :pi), :pi), '')""";

  private static final String INSERT_LATER = INSERT.replace("<activityInstance>", CURRENT_ACTIVITY_INSTANCE);

  private static final String INSERT_INITIAL = INSERT.replace("<activityInstance>", ":pi");

  /** A local variable's update belongs to the activity instance of its scope. */
  private static final String INSERT_LOCAL = INSERT.replace("<activityInstance>", ":actInst");

  /** Orders rows written in the same millisecond: microseconds, unique within this node. */
  private static final AtomicLong LAST_OCCURRENCE = new AtomicLong();

  private final Ids ids;

  HistoricDetailStore(Ids ids) {
    this.ids = ids;
  }

  /**
   * The instance a batch of updates belongs to, and the execution owning the variables: the
   * process instance itself, or a scope execution ({@code scope} non-null) for local variables.
   */
  record Owner(
      String processInstanceId,
      String processDefinitionId,
      String processDefinitionKey,
      String rootProcessInstanceId,
      String tenantId,
      VariableOwner scope) {}

  /** Collects the updates of one write; {@link #execute} inserts them at once. */
  final class Updates {
    private final PreparedBatch batch;
    private final Owner owner;
    private final Instant now;
    private final boolean initial;

    private Updates(Handle handle, Owner owner, Instant now, boolean initial) {
      this.batch =
          handle.prepareBatch(
              owner.scope() != null ? INSERT_LOCAL : initial ? INSERT_INITIAL : INSERT_LATER);
      this.owner = owner;
      this.now = now;
      this.initial = initial;
    }

    /**
     * One update of a variable: its new value (for a removal, the value is null and the type
     * stays) and its revision before the write.
     */
    void add(String variableId, String name, int revision, TypedValue value) {
      add(owner.scope(), variableId, name, revision, value);
    }

    /** {@link #add(String, String, int, TypedValue)} of a variable of this scope (null: the instance's). */
    void add(VariableOwner scope, String variableId, String name, int revision, TypedValue value) {
      ValueBinds.bind(batch, value)
          .bind("id", ids.next())
          .bind("pi", owner.processInstanceId())
          .bind("exec", scope == null ? owner.processInstanceId() : scope.executionId())
          .bind("procDefId", owner.processDefinitionId())
          .bind("procDefKey", owner.processDefinitionKey())
          .bind("root", owner.rootProcessInstanceId())
          .bind("tenantId", owner.tenantId())
          .bind("variableId", variableId)
          .bind("name", name)
          .bind("revision", revision)
          .bind("initial", initial)
          .bind("now", now)
          .bind("occurrence", nextOccurrence(now));
      if (scope != null) {
        batch.bind("actInst", scope.historyActivityInstanceId());
      }
      batch.add();
    }

    void execute() {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  Updates updates(Handle handle, Owner owner, Instant now, boolean initial) {
    return new Updates(handle, owner, now, initial);
  }

  /**
   * Records the current values of local variables of a scope (just changed in the database) as
   * their updates, in one statement: the revision before the change, the scope's history activity
   * instance.
   */
  void recordCurrent(Handle handle, VariableOwner scope, List<String> names, Instant now) {
    StringBuilder id = new StringBuilder("CASE v.name");
    StringBuilder occurrence = new StringBuilder("CASE v.name");
    for (int i = 0; i < names.size(); i++) {
      id.append(" WHEN :name").append(i).append(" THEN :id").append(i);
      occurrence.append(" WHEN :name").append(i).append(" THEN :occurrence").append(i);
    }
    var insert =
        handle.createUpdate(
            """
            INSERT INTO tern_hi_detail (id, detail_type, process_instance_id, execution_id,
              act_inst_id, proc_def_id, proc_def_key, root_process_instance_id, tenant_id,
              variable_instance_id, name, var_type, text_value, long_value, double_value,
              clob_value, value_info, revision, is_initial, detail_time, occurrence, removal_time)
            SELECT <id> END, 'variableUpdate', v.process_instance_id, v.execution_id, :actInst,
              pi.proc_def_id, pi.proc_def_key, pi.root_process_instance_id, pi.tenant_id, v.id,
              v.name, v.var_type, v.text_value, v.long_value, v.double_value, v.clob_value,
              v.value_info, v.rev - 1, FALSE, :now, <occurrence> END,
            """
                    .replace("<id>", id)
                    .replace("<occurrence>", occurrence)
                + dev.tern.engine.history.HistoryRetention.removalTimeOf("v.process_instance_id")
                + """

            FROM tern_variable v JOIN tern_process_instance pi ON pi.id = v.process_instance_id
            WHERE v.act_inst_id = :owner AND v.name = ANY(:names)
            """);
    for (int i = 0; i < names.size(); i++) {
      insert
          .bind("name" + i, names.get(i))
          .bind("id" + i, ids.next())
          .bind("occurrence" + i, nextOccurrence(now));
    }
    insert
        .bind("actInst", scope.historyActivityInstanceId())
        .bind("owner", scope.activityInstanceId())
        .bind("now", now)
        .bindArray("names", String.class, names.toArray())
        .execute();
  }

  private static long nextOccurrence(Instant now) {
    long micros = now.toEpochMilli() * 1000;
    return LAST_OCCURRENCE.updateAndGet(last -> Math.max(last + 1, micros));
  }

  /** The bytes of a Bytes or File update. */
  static Optional<byte[]> bytes(Handle handle, String detailId) {
    return handle
        .createQuery("SELECT bytes FROM tern_hi_detail WHERE id = :id")
        .bind("id", detailId)
        .map((rs, ctx) -> rs.getBytes(1))
        .findOne();
  }

  static void deleteOfProcessInstances(Handle handle, List<String> processInstanceIds) {
    OwnedRows.deleteOfProcessInstances(handle, "tern_hi_detail", processInstanceIds);
  }

  static void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDefinitions(handle, "tern_hi_detail", deploymentId);
  }
}
