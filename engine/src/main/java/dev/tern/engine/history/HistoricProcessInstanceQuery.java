package dev.tern.engine.history;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.ReadableQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.InstanceQueryBuilder;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;
import java.util.List;

/**
 * A selection of historic process instances, with the BPMN filters of Camunda 7.24's {@code
 * HistoricProcessInstanceQueryDto} (each declared once, in {@link #DEFINITION}). Set filters are
 * ANDed; each or-query's filters are ORed. Lists other than {@code processInstanceIds} are no
 * filter when empty, as in Camunda's DTO. {@code activityIdIn} selects instances with a token or an
 * open incident at one of the activities; the case-instance filters match nothing (no CMMN).
 */
public final class HistoricProcessInstanceQuery extends ReadableQuery<HistoricProcessInstanceQuery> {

  /** Selected with every query of historic instances. */
  static final String COLUMNS =
      "hpi.id, hpi.business_key, hpi.proc_def_id, hpi.proc_def_key, hpi.proc_def_name,"
          + " hpi.proc_def_version, hpi.deployment_id, hpi.start_time, hpi.end_time,"
          + " hpi.removal_time, hpi.duration_ms, hpi.start_user_id, hpi.start_activity_id,"
          + " hpi.end_activity_id, hpi.super_process_instance_id, hpi.root_process_instance_id,"
          + " hpi.delete_reason, hpi.tenant_id, hpi.state";

  private static final List<String> STATES =
      List.of("active", "suspended", "completed", "externallyTerminated", "internallyTerminated");

  private static final String ACTIVITY = "EXISTS (SELECT 1 FROM tern_hi_activity_instance a"
      + " WHERE a.process_instance_id = hpi.id AND ";
  private static final String JOB_LOG =
      "EXISTS (SELECT 1 FROM tern_hi_job_log jl WHERE jl.process_instance_id = hpi.id AND ";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_process_instance hpi", "hpi.id")
          .orQueries()
          .check(HistoricProcessInstanceQuery::oneState)
          .equal("processInstanceId", "hpi.id")
          .joinedIds("processInstanceIds", "hpi.id", "Set of process instance ids is empty")
          .emptyListsUnset()
          .noneOf("processInstanceIdNotIn", "hpi.id")
          .equalColumns("processDefinitionId", "processDefinitionKey")
          .anyOf("processDefinitionKeyIn", "hpi.proc_def_key")
          .noneOf("processDefinitionKeyNotIn", "hpi.proc_def_key")
          .equal("processDefinitionName", "hpi.proc_def_name")
          .like("processDefinitionNameLike", "hpi.proc_def_name")
          .equalOrAnyOf("processInstanceBusinessKey", "hpi.business_key")
          .like("processInstanceBusinessKeyLike", "hpi.business_key")
          .flag("rootProcessInstances", "hpi.super_process_instance_id IS NULL")
          .equal("rootProcessInstanceId", "hpi.root_process_instance_id")
          .flag("finished", "hpi.end_time IS NOT NULL")
          .flag("unfinished", "hpi.end_time IS NULL")
          .flag(
              "withJobsRetrying",
              "EXISTS (SELECT 1 FROM tern_job j WHERE j.process_instance_id = hpi.id"
                  + " AND j.retries > 0 AND j.exception_message IS NOT NULL)")
          .related(
              "EXISTS (SELECT 1 FROM tern_hi_incident i WHERE i.process_instance_id = hpi.id",
              incident ->
                  incident
                      .exists("withIncidents")
                      .anyOf("incidentIdIn", "i.id")
                      .equal("incidentType", "i.incident_type")
                      .filter("incidentStatus", Type.STRING, (w, v, c) -> incidentStatus(w, v))
                      .equal("incidentMessage", "i.incident_message")
                      .like("incidentMessageLike", "i.incident_message")
                      .flag(
                          "withRootIncidents",
                          "(i.root_cause_incident_id IS NULL OR i.root_cause_incident_id = i.id)"))
          .dateRange("started", "hpi.start_time", true)
          .dateRange("finished", "hpi.end_time", true)
          .where("executedActivityAfter", Type.DATE, ACTIVITY + "(a.start_time >= ? OR a.end_time >= ?))")
          .where("executedActivityBefore", Type.DATE, ACTIVITY + "(a.start_time <= ? OR a.end_time <= ?))")
          .where("executedJobAfter", Type.DATE, JOB_LOG + "jl.log_time >= ?)")
          .where("executedJobBefore", Type.DATE, JOB_LOG + "jl.log_time <= ?)")
          .equal("startedBy", "hpi.start_user_id")
          .equal("superProcessInstanceId", "hpi.super_process_instance_id")
          .where(
              "subProcessInstanceId",
              Type.STRING,
              "hpi.id IN (SELECT sub.super_process_instance_id FROM tern_hi_process_instance sub"
                  + " WHERE sub.id = ?)")
          .matchingNothing("caseInstanceId", "superCaseInstanceId", "subCaseInstanceId")
          .tenants("hpi.tenant_id")
          .filter("activityIdIn", Type.STRING_LIST, (w, v, c) -> activityIdIn(w, v))
          .whereAny("executedActivityIdIn", "a.activity_id", ACTIVITY + "a.end_time IS NOT NULL AND ?)")
          .whereAny("activeActivityIdIn", "a.activity_id", ACTIVITY + "a.end_time IS NULL AND ?)")
          .flag("active", "hpi.state = 'ACTIVE'")
          .flag("suspended", "hpi.state = 'SUSPENDED'")
          .flag("completed", "hpi.state = 'COMPLETED'")
          .flag("externallyTerminated", "hpi.state = 'EXTERNALLY_TERMINATED'")
          .flag("internallyTerminated", "hpi.state = 'INTERNALLY_TERMINATED'")
          .variables(
              new VariableConditionSql("tern_hi_variable", "process_instance_id", "v.state = 'CREATED'"),
              "hpi.id")
          .sort("instanceId", "hpi.id")
          .sort("definitionId", "hpi.proc_def_id")
          .sort("definitionKey", "hpi.proc_def_key")
          .sort("definitionName", "hpi.proc_def_name")
          .sort("definitionVersion", "hpi.proc_def_version")
          .sort("businessKey", "hpi.business_key")
          .sort("startTime", "hpi.start_time")
          .sort("endTime", "hpi.end_time")
          .sort("duration", "hpi.duration_ms")
          .sort("tenantId", "hpi.tenant_id")
          .build();

  /** The {@code sortBy} values Camunda accepts for historic process instances. */
  public static final java.util.Set<String> SORT_BY = DEFINITION.sortKeys();

  /** Outside an or-query, an instance is in one state at most: asking for two is a mistake. */
  private static void oneState(QueryDefinition.Context context) {
    if (!context.alternative()
        && STATES.stream().filter(s -> Boolean.TRUE.equals(context.values().get(s))).count() > 1) {
      throw new InvalidRequestException(
          "Already querying for historic process instance with another state");
    }
  }

  private static void incidentStatus(Predicates where, Object status) {
    if (!status.equals("open") && !status.equals("resolved")) {
      throw new InvalidRequestException(
          "Cannot set query parameter 'incidentStatus' to value '" + status + "'");
    }
    where.add("i.incident_state = " + ("open".equals(status) ? "0" : "1"));
  }

  /**
   * One set of instance ids, not an OR of two EXISTS: the OR makes PostgreSQL test every historic
   * instance, while this starts from the few rows the activity index finds.
   */
  @SuppressWarnings("unchecked")
  private static void activityIdIn(Predicates where, Object value) {
    List<String> activityIds = (List<String>) value;
    if (activityIds.isEmpty()) {
      where.add(Predicates.NOTHING);
      return;
    }
    where.add(
        "hpi.id IN (SELECT a.process_instance_id FROM tern_hi_activity_instance a"
            + " WHERE a.end_time IS NULL AND "
            + where.binds().anyOf("a.activity_id", activityIds)
            + " UNION SELECT i.process_instance_id FROM tern_incident i WHERE "
            + where.binds().anyOf("i.activity_id", activityIds)
            + ")");
  }

  /** A query with no filter set: every historic instance. */
  public HistoricProcessInstanceQuery() {
    this(new FilterQuery(DEFINITION));
  }

  /** Instances whose definition's history the caller may read. */
  private HistoricProcessInstanceQuery(FilterQuery filters) {
    super(filters, "hpiq", HistoricProcessInstanceQuery::new, (a, caller) -> a.historyReadable(caller, "hpi"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction: {@link #set} takes any filter of {@link #DEFINITION} by name. */
  public static final class Builder extends InstanceQueryBuilder<HistoricProcessInstanceQuery, Builder> {

    private Builder() {
      super(DEFINITION, HistoricProcessInstanceQuery::new, HistoricProcessInstanceQuery::filters);
    }
  }
}
