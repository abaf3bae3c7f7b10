package dev.tern.engine.externaltask;

import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Rows;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.history.ExternalTaskLog;
import dev.tern.engine.history.LogState;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.IdSelection;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableConditionSql;
import dev.tern.engine.query.VariableOperator;
import dev.tern.engine.runtime.ExternalTasks;
import dev.tern.engine.runtime.NewExternalTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for {@code tern_external_task}, the only code that writes it. Every method runs in the
 * caller's transaction; creating a task or freeing one wakes this node's waiting fetches once the
 * transaction commits.
 */
public final class ExternalTaskStore implements ExternalTasks {

  static final String COLUMNS =
      "t.id, t.topic_name, t.worker_id, t.lock_expiration_time, t.create_time, t.retries,"
          + " t.error_message, t.execution_id, t.process_instance_id, t.proc_def_id,"
          + " t.proc_def_key, t.activity_id, t.activity_instance_id, t.tenant_id, t.priority,"
          + " t.business_key,"
          + " (SELECT p.suspended FROM tern_process_instance p WHERE p.id = t.process_instance_id)"
          + " AS instance_suspended,"
          + " (SELECT d.version_tag FROM tern_process_definition d WHERE d.id = t.proc_def_id)"
          + " AS version_tag";

  /** Unlocked (or lock expired), retries left, instance not suspended. */
  private static final String AVAILABLE =
      "(t.lock_expiration_time IS NULL OR t.lock_expiration_time <= :now)"
          + " AND (t.retries IS NULL OR t.retries > 0)"
          + " AND NOT EXISTS (SELECT 1 FROM tern_process_instance p"
          + " WHERE p.id = t.process_instance_id AND p.suspended = TRUE)";

  private static final VariableConditionSql PROCESS_VARIABLES =
      new VariableConditionSql("tern_variable", "process_instance_id", null);

  private final Clock clock;
  private final Ids ids;
  private final Dialect dialect;
  private final IncidentStore incidents;
  private final ExternalTaskLog log;
  private final ExternalTaskSignal signal;

  public ExternalTaskStore(
      Clock clock,
      Ids ids,
      Dialect dialect,
      IncidentStore incidents,
      ExternalTaskLog log,
      ExternalTaskSignal signal) {
    this.clock = clock;
    this.log = log;
    this.ids = ids;
    this.dialect = dialect;
    this.incidents = incidents;
    this.signal = signal;
  }

  @Override
  public void create(Handle handle, NewExternalTask task) {
    String id = ids.next();
    handle
        .createUpdate(
            """
            INSERT INTO tern_external_task (id, rev, topic_name, execution_id, process_instance_id,
              proc_def_id, proc_def_key, activity_id, activity_instance_id, tenant_id,
              business_key, priority, create_time)
            VALUES (:id, 1, :topicName, :executionId, :processInstanceId, :processDefinitionId,
              :processDefinitionKey, :activityId, :activityInstanceId, :tenantId, :businessKey,
              :priority, :now)
            """)
        .bindMethods(task)
        .bindMethods(task.where())
        .bind("id", id)
        .bind("now", now())
        .execute();
    log.log(handle, LogState.CREATED, List.of(id));
    handle.afterCommit(signal::signal);
  }

  /** Removes the tasks of an execution (an interrupted activity), ending their incidents. */
  @Override
  public void deleteForExecution(Handle handle, String executionId) {
    deleteWhere(handle, "execution_id", executionId);
  }

  /** Removes the tasks of an instance being deleted. */
  @Override
  public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_external_task", fromExecutionId, toExecutionId);
  }

  @Override
  public void deleteForProcessInstance(Handle handle, String processInstanceId) {
    deleteWhere(handle, "process_instance_id", processInstanceId);
  }

  /**
   * Removes the tasks whose {@code column} holds {@code value}, logged as deleted, their incidents
   * ended as deleted: a fixed number of statements.
   */
  private void deleteWhere(Handle handle, String column, String value) {
    List<String> taskIds =
        handle
            .createQuery("SELECT id FROM tern_external_task WHERE " + column + " = :v")
            .bind("v", value)
            .mapTo(String.class)
            .list();
    if (taskIds.isEmpty()) {
      return;
    }
    log.log(handle, LogState.DELETED, taskIds);
    incidents.deleteFailedExternalTaskIncidents(handle, taskIds);
    handle
        .createUpdate("DELETE FROM tern_external_task WHERE id = ANY(:ids)")
        .bind("ids", taskIds.toArray(String[]::new))
        .execute();
  }

  /**
   * Removes one task, logged as successful (a worker completed it) or deleted; its
   * failedExternalTask incident is resolved, or marked deleted.
   */
  void delete(Handle handle, String id, boolean completed) {
    log.log(
        handle,
        completed ? LogState.SUCCESSFUL : LogState.DELETED,
        List.of(id));
    incidents.endFailedExternalTaskIncident(handle, id, !completed);
    handle.createUpdate("DELETE FROM tern_external_task WHERE id = :id").bind("id", id).execute();
  }

  Optional<ExternalTask> find(Handle handle, String id) {
    return Rows.findById(handle, "tern_external_task t", COLUMNS, ExternalTaskStore::map, id);
  }

  /** Locks the task's row for the rest of the transaction and reads it. */
  Optional<ExternalTask> lockRow(Handle handle, String id) {
    return Rows.lock(handle, "tern_external_task", id) ? find(handle, id) : Optional.empty();
  }

  /** The details of the last failure; null when there are none (or no such task). */
  String errorDetails(Handle handle, String id) {
    return handle
        .createQuery("SELECT error_details FROM tern_external_task WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /**
   * Claims up to {@code maxTasks} available tasks of the request's topics for its worker, each
   * locked for its topic's duration. Rows another transaction is claiming are skipped ({@code FOR
   * UPDATE SKIP LOCKED}), so two workers never get the same task; the claim is one select and one
   * update per distinct lock duration.
   */
  List<ExternalTask> claim(
      Handle handle, FetchRequest request, dev.tern.engine.query.Restriction restriction) {
    if (request.maxTasks() <= 0 || request.topics().isEmpty()) {
      return List.of();
    }
    Instant now = now();
    Binds binds = new Binds("f", dialect);
    Predicates topics = new Predicates(binds);
    for (TopicRequest topic : request.topics()) {
      topics.add(topicCondition(binds, topic));
    }
    List<String> order = new ArrayList<>();
    if (request.usePriority()) {
      order.add("t.priority DESC");
    }
    if (request.createTimeAscending() != null) {
      order.add("t.create_time " + (request.createTimeAscending() ? "ASC" : "DESC"));
    }
    order.add("t.id");
    var select =
        handle.createQuery(
            "SELECT t.id, t.topic_name FROM tern_external_task t WHERE "
                + AVAILABLE
                + " AND "
                + topics.or()
                + restriction.andSql(binds)
                + " ORDER BY "
                + String.join(", ", order)
                + " LIMIT :maxTasks FOR UPDATE SKIP LOCKED");
    binds.values().forEach(select::bind);
    Map<String, String> claimed = new LinkedHashMap<>();
    select
        .bind("now", now)
        .bind("maxTasks", request.maxTasks())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> claimed.put(e.getKey(), e.getValue()));
    if (claimed.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> byDuration = new LinkedHashMap<>();
    claimed.forEach(
        (id, topicName) ->
            byDuration
                .computeIfAbsent(lockDuration(request, topicName), d -> new ArrayList<>())
                .add(id));
    byDuration.forEach(
        (duration, taskIds) ->
            handle
                .createUpdate(
                    "UPDATE tern_external_task SET worker_id = :worker,"
                        + " lock_expiration_time = :until, rev = rev + 1 WHERE id = ANY(:ids)")
                .bind("worker", request.workerId())
                .bind("until", ExternalTaskService.after(now, duration))
                .bind("ids", taskIds.toArray(String[]::new))
                .execute());
    Map<String, ExternalTask> read = new LinkedHashMap<>();
    handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_external_task t WHERE t.id = ANY(:ids)")
        .bind("ids", claimed.keySet().toArray(String[]::new))
        .map(ExternalTaskStore::map)
        .forEach(task -> read.put(task.id(), task));
    return claimed.keySet().stream().map(read::get).toList();
  }

  /** The first topic request of that name decides the lock duration, as in Camunda. */
  private static long lockDuration(FetchRequest request, String topicName) {
    return request.topics().stream()
        .filter(t -> t.topicName().equals(topicName))
        .findFirst()
        .orElseThrow()
        .lockDuration();
  }

  private static String topicCondition(Binds binds, TopicRequest topic) {
    Predicates p = new Predicates(binds);
    p.eq("t.topic_name", topic.topicName());
    p.eq("t.business_key", topic.businessKey());
    if (topic.processDefinitionIds() != null) {
      p.add(binds.anyOf("t.proc_def_id", topic.processDefinitionIds()));
    }
    if (topic.processDefinitionKeys() != null) {
      p.add(binds.anyOf("t.proc_def_key", topic.processDefinitionKeys()));
    }
    if (topic.processDefinitionVersionTag() != null) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = t.proc_def_id"
              + " AND d.version_tag = "
              + binds.add(topic.processDefinitionVersionTag())
              + ")");
    }
    p.addIf(topic.withoutTenantId(), "t.tenant_id IS NULL");
    if (topic.tenantIds() != null) {
      p.add(binds.anyOf("t.tenant_id", topic.tenantIds()));
    }
    List<VariableCondition> variables = new ArrayList<>();
    topic.processVariables()
        .forEach(
            (name, value) -> variables.add(VariableCondition.of(name, VariableOperator.EQ, value)));
    PROCESS_VARIABLES.addTo(p, "t.process_instance_id", variables, false, false);
    return p.and();
  }

  /** Locks one task for a worker (the caller checked who may). */
  void lock(Handle handle, String id, String workerId, Instant until) {
    handle
        .createUpdate(
            "UPDATE tern_external_task SET worker_id = :worker, lock_expiration_time = :until,"
                + " rev = rev + 1 WHERE id = :id")
        .bind("worker", workerId)
        .bind("until", until)
        .bind("id", id)
        .execute();
  }

  void unlock(Handle handle, String id) {
    handle
        .createUpdate(
            "UPDATE tern_external_task SET worker_id = NULL, lock_expiration_time = NULL,"
                + " rev = rev + 1 WHERE id = :id")
        .bind("id", id)
        .execute();
    handle.afterCommit(signal::signal);
  }

  /**
   * Records a failure: the message and details, the retries left, and a lock until the retry
   * timeout passes (then another worker may fetch it); at 0 retries the task gets its incident.
   */
  void fail(
      Handle handle, String id, String message, String details, int retries, Instant lockUntil) {
    log.logFailure(handle, id, truncate(message), details);
    handle
        .createUpdate(
            "UPDATE tern_external_task SET error_message = :message,"
                + " error_details = COALESCE(:details, error_details), retries = :retries,"
                + " lock_expiration_time = :until, rev = rev + 1 WHERE id = :id")
        .bind("message", truncate(message))
        .bind("details", details)
        .bind("retries", retries)
        .bind("until", lockUntil)
        .bind("id", id)
        .execute();
    applyIncidentRule(handle, List.of(id), retries);
  }

  /**
   * Sets the retries of these tasks with Camunda's incident rule: a task without retries gets a
   * {@code failedExternalTask} incident, a task getting retries back has its incident resolved. A
   * fixed number of statements whatever the number of tasks; ids of tasks that no longer exist
   * match nothing.
   *
   * @param taskIds a bounded set of task ids (one batch chunk at most)
   * @return the number of tasks changed
   */
  public int setRetries(Handle handle, Collection<String> taskIds, int retries) {
    if (taskIds.isEmpty()) {
      return 0;
    }
    int updated =
        handle
            .createUpdate(
                "UPDATE tern_external_task SET retries = :retries, rev = rev + 1"
                    + " WHERE id = ANY(:ids)")
            .bind("retries", retries)
            .bind("ids", taskIds.toArray(String[]::new))
            .execute();
    applyIncidentRule(handle, taskIds, retries);
    return updated;
  }

  private void applyIncidentRule(Handle handle, Collection<String> taskIds, int retries) {
    if (retries > 0) {
      incidents.resolveFailedExternalTaskIncidents(handle, taskIds);
      handle.afterCommit(signal::signal);
    } else {
      incidents.openFailedExternalTaskIncidents(handle, taskIds);
    }
  }

  /**
   * Up to {@code limit} ids of the selected tasks greater than {@code after} (null: from the
   * start), in id order: one page of a selection walked without holding all its ids.
   */
  List<String> idsAfter(Handle handle, IdSelection selection, String after, int limit) {
    SqlFragment page =
        selection
            .sql()
            .wrap(
                "SELECT t.id FROM tern_external_task t WHERE t.id IN (",
                ")"
                    + (after == null ? "" : " AND t.id > :after")
                    + " ORDER BY t.id FETCH FIRST "
                    + limit
                    + " ROWS ONLY");
    var query = page.bindTo(handle.createQuery(page.sql()));
    if (after != null) {
      query.bind("after", after);
    }
    return query.mapTo(String.class).list();
  }

  /** The first selected task for which {@code condition} (SQL over {@code t}) does not hold. */
  Optional<ExternalTask> firstWhereNot(Handle handle, IdSelection selection, SqlFragment condition) {
    SqlFragment select =
        SqlFragment.join(
                ") AND NOT ",
                List.of(
                    selection.sql().wrap("SELECT " + COLUMNS + " FROM tern_external_task t"
                        + " WHERE t.id IN (", ""),
                    condition))
            .wrap("", " ORDER BY t.id FETCH FIRST 1 ROWS ONLY");
    return select.bindTo(handle.createQuery(select.sql())).map(ExternalTaskStore::map).findOne();
  }

  /** The given ids that name no task (read only). */
  List<String> missing(Handle handle, List<String> taskIds) {
    var existing =
        new java.util.HashSet<>(
            handle
                .createQuery("SELECT id FROM tern_external_task WHERE id = ANY(:ids)")
                .bind("ids", taskIds.toArray(String[]::new))
                .mapTo(String.class)
                .list());
    return taskIds.stream().filter(id -> !existing.contains(id)).toList();
  }

  void setPriority(Handle handle, String id, long priority) {
    handle
        .createUpdate(
            "UPDATE tern_external_task SET priority = :priority, rev = rev + 1 WHERE id = :id")
        .bind("priority", priority)
        .bind("id", id)
        .execute();
  }

  List<ExternalTask> list(Handle handle, ExternalTaskQuery query, int first, int max) {
    return query.filters().list(handle, COLUMNS, ExternalTaskStore::map, now(), first, max);
  }

  long count(Handle handle, ExternalTaskQuery query) {
    return query.filters().count(handle, now());
  }

  /** The distinct topic names of tasks that pass the given restrictions. */
  List<String> topicNames(
      Handle handle, boolean withLockedTasks, boolean withUnlockedTasks, boolean withRetriesLeft) {
    ExternalTaskQuery query = new ExternalTaskQuery();
    FilterQuery filters = query.filters();
    if (withLockedTasks) {
      filters.set("locked", true);
    }
    if (withUnlockedTasks) {
      filters.set("notLocked", true);
    }
    if (withRetriesLeft) {
      filters.set("withRetriesLeft", true);
    }
    SqlFragment where = filters.where("q", now());
    var select =
        handle.createQuery(
            "SELECT DISTINCT t.topic_name FROM tern_external_task t WHERE "
                + where.sql()
                + " ORDER BY t.topic_name");
    where.bindTo(select);
    return select.mapTo(String.class).list();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String truncate(String message) {
    return message == null || message.length() <= 4000 ? message : message.substring(0, 4000);
  }

  static ExternalTask map(ResultSet rs, StatementContext ctx) throws SQLException {
    Integer retries = rs.getObject("retries", Integer.class);
    return new ExternalTask(
        rs.getString("id"),
        rs.getString("topic_name"),
        rs.getString("worker_id"),
        instant(rs, "lock_expiration_time"),
        instant(rs, "create_time"),
        retries,
        rs.getString("error_message"),
        rs.getBoolean("instance_suspended"),
        rs.getString("execution_id"),
        rs.getString("process_instance_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("version_tag"),
        rs.getString("activity_id"),
        rs.getString("activity_instance_id"),
        rs.getString("tenant_id"),
        rs.getLong("priority"),
        rs.getString("business_key"));
  }
}
