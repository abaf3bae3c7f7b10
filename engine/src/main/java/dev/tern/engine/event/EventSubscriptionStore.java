package dev.tern.engine.event;

import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.FilterQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The only writer of {@code tern_event_subscription}. A token's subscriptions are removed with its
 * execution row and an instance's with the instance (foreign keys), so the interpreter removes them
 * explicitly only when a token leaves a waiting activity without ending.
 */
public final class EventSubscriptionStore {

  static final String COLUMNS =
      "id, event_type, event_name, execution_id, process_instance_id, activity_id, proc_def_id,"
          + " tenant_id, created";

  private final Clock clock;
  private final Ids ids;

  public EventSubscriptionStore(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Subscribes a resting token (its execution row must exist), or with {@code executionId} null
   * the process scope of an instance (its event sub-processes), or with both ids null a start
   * event.
   */
  public void subscribeExecution(
      Handle handle,
      String eventType,
      String eventName,
      String executionId,
      String processInstanceId,
      String activityId,
      String processDefinitionId,
      String tenantId) {
    EventSubscription subscription =
        new EventSubscription(
            ids.next(),
            eventType,
            eventName,
            executionId,
            processInstanceId,
            activityId,
            processDefinitionId,
            tenantId,
            now());
    handle
        .createUpdate(
            "INSERT INTO tern_event_subscription (id, rev, event_type, event_name, execution_id,"
                + " process_instance_id, activity_id, proc_def_id, configuration, tenant_id, created)"
                + " VALUES (:id, 1, :eventType, :eventName, :executionId, :processInstanceId,"
                + " :activityId, :processDefinitionId, :configuration, :tenantId, :created)")
        .bindMethods(subscription)
        .bind("configuration", subscription.isStart() ? processDefinitionId : null)
        .execute();
  }

  /** The conditional event subscriptions of a process instance, oldest first. */
  public List<EventSubscription> findConditional(Handle handle, String processInstanceId) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM tern_event_subscription WHERE process_instance_id = :pi"
                + " AND event_type = 'conditional' ORDER BY created, id")
        .bind("pi", processInstanceId)
        .map(EventSubscriptionStore::map)
        .list();
  }

  /** Subscribes a start event of a process definition. */
  public void subscribeStart(
      Handle handle,
      String eventType,
      String eventName,
      String activityId,
      String processDefinitionId,
      String tenantId) {
    subscribeExecution(
        handle, eventType, eventName, null, null, activityId, processDefinitionId, tenantId);
  }

  /** Moves the subscriptions of one execution to another (the first is being replaced). */
  public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_event_subscription", fromExecutionId, toExecutionId);
  }

  /** Removes every subscription of a token (it leaves its waiting activity). */
  public void deleteForExecution(Handle handle, String executionId) {
    handle
        .createUpdate("DELETE FROM tern_event_subscription WHERE execution_id = :id")
        .bind("id", executionId)
        .execute();
  }

  /**
   * Removes the subscriptions of the event sub-processes of one scope: a sub-process's token
   * ({@code executionId}), or the process ({@code executionId} null).
   */
  public void deleteScopeStarts(
      Handle handle, String processInstanceId, String executionId, List<String> startEventIds) {
    if (startEventIds.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            "DELETE FROM tern_event_subscription WHERE process_instance_id = :pi AND "
                + (executionId == null ? "execution_id IS NULL" : "execution_id = :executionId")
                + " AND activity_id IN (<activityIds>)")
        .bind("pi", processInstanceId)
        .bind("executionId", executionId)
        .bindList("activityIds", startEventIds)
        .execute();
  }

  /** Removes the start-event subscriptions of every version of a key (of one tenant, or none). */
  public void deleteStartSubscriptionsOfKey(Handle handle, String key, String tenantId) {
    handle
        .createUpdate(
            "DELETE FROM tern_event_subscription WHERE process_instance_id IS NULL AND proc_def_id IN"
                + " (SELECT id FROM tern_process_definition WHERE proc_key = :key AND "
                + (tenantId == null ? "tenant_id IS NULL" : "tenant_id = :tenantId")
                + ")")
        .bind("key", key)
        .bind("tenantId", tenantId)
        .execute();
  }

  /** Removes the subscriptions of a deployment's definitions (start events; tokens with cascade). */
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    handle
        .createUpdate(
            "DELETE FROM tern_event_subscription WHERE proc_def_id IN"
                + " (SELECT id FROM tern_process_definition WHERE deployment_id = :deploymentId)")
        .bind("deploymentId", deploymentId)
        .execute();
  }

  /** The start-event subscriptions of a type and name held by definitions of other keys. */
  public List<EventSubscription> findStartSubscriptions(
      Handle handle, String eventType, String eventName) {
    return startSubscriptions(handle, eventType, eventName);
  }

  /** The start-event subscriptions of a type (e.g. every conditional start event), oldest first. */
  public List<EventSubscription> findStartSubscriptions(Handle handle, String eventType) {
    return startSubscriptions(handle, eventType, null);
  }

  /** @param eventName null: any name */
  private List<EventSubscription> startSubscriptions(Handle handle, String eventType, String eventName) {
    var query =
        handle
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM tern_event_subscription WHERE process_instance_id IS NULL AND event_type ="
                    + " :type"
                    + (eventName == null ? "" : " AND event_name = :name")
                    + " ORDER BY created, id")
            .bind("type", eventType);
    if (eventName != null) {
      query.bind("name", eventName);
    }
    return query.map(EventSubscriptionStore::map).list();
  }

  /** The subscriptions a query selects, oldest first (correlation candidates). */
  public List<EventSubscription> find(Handle handle, FilterQuery query, Instant now) {
    return query.list(handle, prefixed("s"), EventSubscriptionStore::map, now, 0, Integer.MAX_VALUE);
  }

  public java.util.Optional<EventSubscription> findById(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_event_subscription WHERE id = :id")
        .bind("id", id)
        .map(EventSubscriptionStore::map)
        .findOne();
  }

  static String prefixed(String alias) {
    return String.join(
        ", ",
        java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> alias + "." + c.trim())
            .toList());
  }

  static EventSubscription map(ResultSet rs, StatementContext ctx) throws SQLException {
    String executionId = rs.getString("execution_id");
    return new EventSubscription(
        rs.getString("id"),
        rs.getString("event_type"),
        rs.getString("event_name"),
        // an event sub-process of the process: the instance subscribes, as in Camunda
        executionId == null ? rs.getString("process_instance_id") : executionId,
        rs.getString("process_instance_id"),
        rs.getString("activity_id"),
        rs.getString("proc_def_id"),
        rs.getString("tenant_id"),
        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created", ctx));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
