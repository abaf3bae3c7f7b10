package dev.tern.engine.history;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.OrderBy;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableConditionSql;
import java.util.List;
import java.util.Map;

/** Compiles a {@link HistoricProcessInstanceQuery} to SQL over {@code tern_hi_process_instance hpi}. */
final class HistoricProcessInstanceQuerySql {

  static final String BIND_PREFIX = "hpiq";

  /** The {@code sortBy} values Camunda accepts for historic process instances, and their columns. */
  static final Map<String, String> SORT_COLUMNS =
      Map.ofEntries(
          Map.entry("instanceId", "hpi.id"),
          Map.entry("definitionId", "hpi.proc_def_id"),
          Map.entry("definitionKey", "hpi.proc_def_key"),
          Map.entry("definitionName", "hpi.proc_def_name"),
          Map.entry("definitionVersion", "hpi.proc_def_version"),
          Map.entry("businessKey", "hpi.business_key"),
          Map.entry("startTime", "hpi.start_time"),
          Map.entry("endTime", "hpi.end_time"),
          Map.entry("duration", "hpi.duration_ms"),
          Map.entry("tenantId", "hpi.tenant_id"));

  static final String COLUMNS =
      "hpi.id, hpi.business_key, hpi.proc_def_id, hpi.proc_def_key, hpi.proc_def_name,"
          + " hpi.proc_def_version, hpi.deployment_id, hpi.start_time, hpi.end_time,"
          + " hpi.removal_time, hpi.duration_ms, hpi.start_user_id, hpi.start_activity_id,"
          + " hpi.end_activity_id, hpi.super_process_instance_id, hpi.root_process_instance_id,"
          + " hpi.delete_reason, hpi.tenant_id, hpi.state";

  private static final VariableConditionSql VARIABLES =
      new VariableConditionSql("tern_hi_variable", "process_instance_id", "v.state = 'CREATED'");

  private HistoricProcessInstanceQuerySql() {}

  /** The selection as {@code SELECT hpi.id FROM tern_hi_process_instance hpi WHERE …}. */
  public static SqlFragment idsSql(HistoricProcessInstanceQuery query, Dialect dialect) {
    return idsSql(query, dialect, Restriction.NONE);
  }

  /** The selection, further restricted (e.g. to what a caller may read). */
  public static SqlFragment idsSql(HistoricProcessInstanceQuery query, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    return new SqlFragment(
        "SELECT hpi.id" + fromWhere(query, binds) + restriction.andSql(binds), binds.values());
  }

  static SqlFragment selectSql(HistoricProcessInstanceQuery query, Page page, Dialect dialect) {
    return selectSql(query, page, dialect, Restriction.NONE);
  }

  static SqlFragment selectSql(
      HistoricProcessInstanceQuery query, Page page, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    return new SqlFragment(
        "SELECT "
            + COLUMNS
            + fromWhere(query, binds)
            + restriction.andSql(binds)
            + OrderBy.render(query.sorting(), SORT_COLUMNS, "hpi.id")
            + OrderBy.page(page),
        binds.values());
  }

  static SqlFragment countSql(HistoricProcessInstanceQuery query, Dialect dialect) {
    return countSql(query, dialect, Restriction.NONE);
  }

  static SqlFragment countSql(HistoricProcessInstanceQuery query, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    return new SqlFragment(
        "SELECT COUNT(*)" + fromWhere(query, binds) + restriction.andSql(binds), binds.values());
  }

  /** {@code FROM tern_hi_process_instance hpi [JOIN id list] WHERE …}. */
  static String fromWhere(HistoricProcessInstanceQuery query, Binds binds) {
    Predicates main = predicates(query, binds, false);
    StringBuilder where =
        new StringBuilder(
            " FROM tern_hi_process_instance hpi" + main.joins() + " WHERE " + main.and());
    if (query.orQueries() != null) {
      for (HistoricProcessInstanceQuery orQuery : query.orQueries()) {
        if (orQuery.orQueries() != null && !orQuery.orQueries().isEmpty()) {
          throw new InvalidRequestException(
              "Invalid query usage: cannot set orQueries within 'or' query");
        }
        where.append(" AND ").append(predicates(orQuery, binds, true).or());
      }
    }
    return where.toString();
  }

  private static Predicates predicates(
      HistoricProcessInstanceQuery q, Binds binds, boolean orQuery) {
    if (!orQuery) {
      long states =
          List.of(
                  q.active(),
                  q.suspended(),
                  q.completed(),
                  q.externallyTerminated(),
                  q.internallyTerminated())
              .stream()
              .filter(b -> b)
              .count();
      if (states > 1) {
        throw new InvalidRequestException(
            "Already querying for historic process instance with another state");
      }
    }
    if (q.incidentStatus() != null
        && !q.incidentStatus().equals("open")
        && !q.incidentStatus().equals("resolved")) {
      throw new InvalidRequestException(
          "Cannot set query parameter 'incidentStatus' to value '" + q.incidentStatus() + "'");
    }
    if (q.processInstanceIds() != null && q.processInstanceIds().isEmpty()) {
      throw new InvalidRequestException("Set of process instance ids is empty");
    }
    Predicates p = new Predicates(binds);
    p.eq("hpi.id", q.processInstanceId());
    if (orQuery) {
      p.in("hpi.id", q.processInstanceIds());
    } else {
      p.joinIn("hpi.id", q.processInstanceIds());
    }
    p.notIn("hpi.id", q.processInstanceIdNotIn());
    p.eq("hpi.proc_def_id", q.processDefinitionId());
    p.eq("hpi.proc_def_key", q.processDefinitionKey());
    p.in("hpi.proc_def_key", q.processDefinitionKeyIn());
    p.notIn("hpi.proc_def_key", q.processDefinitionKeyNotIn());
    p.eq("hpi.proc_def_name", q.processDefinitionName());
    p.like("hpi.proc_def_name", q.processDefinitionNameLike());
    p.eq("hpi.business_key", q.processInstanceBusinessKey());
    p.in("hpi.business_key", q.processInstanceBusinessKeyIn());
    p.like("hpi.business_key", q.processInstanceBusinessKeyLike());
    p.addIf(q.rootProcessInstances(), "hpi.super_process_instance_id IS NULL");
    p.eq("hpi.root_process_instance_id", q.rootProcessInstanceId());
    p.addIf(q.finished(), "hpi.end_time IS NOT NULL");
    p.addIf(q.unfinished(), "hpi.end_time IS NULL");
    p.addIf(
        q.withJobsRetrying(),
        "EXISTS (SELECT 1 FROM tern_job j WHERE j.process_instance_id = hpi.id"
            + " AND j.retries > 0 AND j.exception_message IS NOT NULL)");
    incidents(q, binds, p, orQuery);
    p.compare("hpi.start_time", "<=", q.startedBefore());
    p.compare("hpi.start_time", ">=", q.startedAfter());
    p.compare("hpi.end_time", "<=", q.finishedBefore());
    p.compare("hpi.end_time", ">=", q.finishedAfter());
    if (q.executedActivityAfter() != null) {
      String t = binds.add(q.executedActivityAfter());
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_activity_instance a WHERE a.process_instance_id = hpi.id"
              + " AND (a.start_time >= "
              + t
              + " OR a.end_time >= "
              + t
              + "))");
    }
    if (q.executedActivityBefore() != null) {
      String t = binds.add(q.executedActivityBefore());
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_activity_instance a WHERE a.process_instance_id = hpi.id"
              + " AND (a.start_time <= "
              + t
              + " OR a.end_time <= "
              + t
              + "))");
    }
    if (q.executedJobAfter() != null) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_job_log jl WHERE jl.process_instance_id = hpi.id"
              + " AND jl.log_time >= "
              + binds.add(q.executedJobAfter())
              + ")");
    }
    if (q.executedJobBefore() != null) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_job_log jl WHERE jl.process_instance_id = hpi.id"
              + " AND jl.log_time <= "
              + binds.add(q.executedJobBefore())
              + ")");
    }
    p.eq("hpi.start_user_id", q.startedBy());
    p.eq("hpi.super_process_instance_id", q.superProcessInstanceId());
    if (q.subProcessInstanceId() != null) {
      p.add(
          "hpi.id IN (SELECT sub.super_process_instance_id FROM tern_hi_process_instance sub"
              + " WHERE sub.id = "
              + binds.add(q.subProcessInstanceId())
              + ")");
    }
    p.addIf(
        q.caseInstanceId() != null
            || q.superCaseInstanceId() != null
            || q.subCaseInstanceId() != null,
        "1 = 0");
    p.in("hpi.tenant_id", q.tenantIdIn());
    p.addIf(q.withoutTenantId(), "hpi.tenant_id IS NULL");
    if (q.activityIdIn() != null && !q.activityIdIn().isEmpty()) {
      // One set of instance ids, not an OR of two EXISTS: the OR makes PostgreSQL test every
      // historic instance, while this starts from the few rows the activity index finds.
      p.add(
          "hpi.id IN (SELECT a.process_instance_id FROM tern_hi_activity_instance a"
              + " WHERE a.end_time IS NULL AND "
              + binds.anyOf("a.activity_id", q.activityIdIn())
              + " UNION SELECT i.process_instance_id FROM tern_incident i WHERE "
              + binds.anyOf("i.activity_id", q.activityIdIn())
              + ")");
    }
    if (q.executedActivityIdIn() != null && !q.executedActivityIdIn().isEmpty()) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_activity_instance a WHERE a.process_instance_id = hpi.id"
              + " AND a.end_time IS NOT NULL AND "
              + binds.anyOf("a.activity_id", q.executedActivityIdIn())
              + ")");
    }
    if (q.activeActivityIdIn() != null && !q.activeActivityIdIn().isEmpty()) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_hi_activity_instance a WHERE a.process_instance_id = hpi.id"
              + " AND a.end_time IS NULL AND "
              + binds.anyOf("a.activity_id", q.activeActivityIdIn())
              + ")");
    }
    p.addIf(q.active(), "hpi.state = 'ACTIVE'");
    p.addIf(q.suspended(), "hpi.state = 'SUSPENDED'");
    p.addIf(q.completed(), "hpi.state = 'COMPLETED'");
    p.addIf(q.externallyTerminated(), "hpi.state = 'EXTERNALLY_TERMINATED'");
    p.addIf(q.internallyTerminated(), "hpi.state = 'INTERNALLY_TERMINATED'");
    VARIABLES.addTo(
        p, "hpi.id", q.variables(), q.variableNamesIgnoreCase(), q.variableValuesIgnoreCase());
    return p;
  }

  private static void incidents(
      HistoricProcessInstanceQuery q, Binds binds, Predicates p, boolean orQuery) {
    String exists = "EXISTS (SELECT 1 FROM tern_hi_incident i WHERE i.process_instance_id = hpi.id";
    Predicates incident = new Predicates(binds);
    incident.in("i.id", q.incidentIdIn());
    incident.eq("i.incident_type", q.incidentType());
    incident.eq("i.incident_message", q.incidentMessage());
    incident.like("i.incident_message", q.incidentMessageLike());
    if (q.incidentStatus() != null) {
      incident.add("i.incident_state = " + ("open".equals(q.incidentStatus()) ? "0" : "1"));
    }
    if (q.withRootIncidents()) {
      incident.add("(i.root_cause_incident_id IS NULL OR i.root_cause_incident_id = i.id)");
    }
    if (orQuery) {
      p.addIf(q.withIncidents(), exists + ")");
      // each incident filter is its own alternative inside an or-query
      for (String alternative : incident.parts()) {
        p.add(exists + " AND " + alternative + ")");
      }
      return;
    }
    if (q.withIncidents() || !incident.isEmpty()) {
      p.add(exists + " AND " + incident.and() + ")");
    }
  }
}
