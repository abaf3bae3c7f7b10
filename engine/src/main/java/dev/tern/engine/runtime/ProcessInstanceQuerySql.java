package dev.tern.engine.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.OrderBy;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableConditionSql;
import java.util.Map;

/** Compiles a {@link ProcessInstanceQuery} to SQL over {@code tern_process_instance pi}. */
final class ProcessInstanceQuerySql {

  static final String BIND_PREFIX = "piq";

  /** The {@code sortBy} values Camunda accepts for process instances, and their columns. */
  static final Map<String, String> SORT_COLUMNS =
      Map.of(
          "instanceId", "pi.id",
          "definitionId", "pi.proc_def_id",
          "definitionKey", "pi.proc_def_key",
          "businessKey", "pi.business_key",
          "tenantId", "pi.tenant_id");

  static final String COLUMNS =
      "pi.id, pi.proc_def_id, pi.proc_def_key, pi.business_key, pi.tenant_id, pi.suspended,"
          + " pi.start_time, pi.start_user_id, pi.super_process_instance_id,"
          + " pi.root_process_instance_id";

  private static final VariableConditionSql VARIABLES =
      new VariableConditionSql("tern_variable", "process_instance_id", null);

  private ProcessInstanceQuerySql() {}

  /** The selection as {@code SELECT pi.id FROM tern_process_instance pi WHERE …}. */
  public static SqlFragment idsSql(ProcessInstanceQuery query, Dialect dialect) {
    return idsSql(query, dialect, Restriction.NONE);
  }

  /** The selection, further restricted (e.g. to what a caller may read). */
  public static SqlFragment idsSql(ProcessInstanceQuery query, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    return new SqlFragment(
        "SELECT pi.id" + fromWhere(query, binds) + restriction.andSql(binds), binds.values());
  }

  static SqlFragment selectSql(ProcessInstanceQuery query, Page page, Dialect dialect) {
    return selectSql(query, page, dialect, Restriction.NONE);
  }

  static SqlFragment selectSql(
      ProcessInstanceQuery query, Page page, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    String sql =
        "SELECT "
            + COLUMNS
            + fromWhere(query, binds)
            + restriction.andSql(binds)
            + OrderBy.render(query.sorting(), SORT_COLUMNS, "pi.id")
            + OrderBy.page(page);
    return new SqlFragment(sql, binds.values());
  }

  static SqlFragment countSql(ProcessInstanceQuery query, Dialect dialect) {
    return countSql(query, dialect, Restriction.NONE);
  }

  static SqlFragment countSql(ProcessInstanceQuery query, Dialect dialect, Restriction restriction) {
    Binds binds = new Binds(BIND_PREFIX, dialect);
    return new SqlFragment(
        "SELECT COUNT(*)" + fromWhere(query, binds) + restriction.andSql(binds), binds.values());
  }

  /** {@code FROM tern_process_instance pi [JOIN id list] WHERE …}. */
  static String fromWhere(ProcessInstanceQuery query, Binds binds) {
    Predicates main = predicates(query, binds, false);
    StringBuilder where =
        new StringBuilder(" FROM tern_process_instance pi" + main.joins() + " WHERE " + main.and());
    if (query.orQueries() != null) {
      for (ProcessInstanceQuery orQuery : query.orQueries()) {
        if (orQuery.orQueries() != null && !orQuery.orQueries().isEmpty()) {
          throw new InvalidRequestException(
              "Invalid query usage: cannot set orQueries within 'or' query");
        }
        where.append(" AND ").append(predicates(orQuery, binds, true).or());
      }
    }
    return where.toString();
  }

  /**
   * The filters of one query level. In an or-query every filter is its own predicate (so incident
   * filters become separate EXISTS terms); otherwise incident filters share one incident row.
   */
  private static Predicates predicates(ProcessInstanceQuery q, Binds binds, boolean orQuery) {
    Predicates p = new Predicates(binds);
    if (q.processInstanceIds() != null && q.processInstanceIds().isEmpty()) {
      throw new InvalidRequestException("Set of process instance ids is empty");
    }
    if (orQuery) {
      p.in("pi.id", q.processInstanceIds());
    } else {
      p.joinIn("pi.id", q.processInstanceIds());
    }
    p.eq("pi.proc_def_id", q.processDefinitionId());
    p.eq("pi.proc_def_key", q.processDefinitionKey());
    p.in("pi.proc_def_key", q.processDefinitionKeyIn());
    p.notIn("pi.proc_def_key", q.processDefinitionKeyNotIn());
    p.eq("pi.business_key", q.businessKey());
    p.like("pi.business_key", q.businessKeyLike());
    if (q.deploymentId() != null) {
      p.add(
          "pi.proc_def_id IN (SELECT d.id FROM tern_process_definition d WHERE d.deployment_id = "
              + binds.add(q.deploymentId())
              + ")");
    }
    p.addIf(
        q.caseInstanceId() != null || q.superCaseInstance() != null || q.subCaseInstance() != null,
        "1 = 0");
    p.eq("pi.super_process_instance_id", q.superProcessInstance());
    if (q.subProcessInstance() != null) {
      p.add(
          "pi.id IN (SELECT sub.super_process_instance_id FROM tern_process_instance sub"
              + " WHERE sub.id = "
              + binds.add(q.subProcessInstance())
              + ")");
    }
    p.addIf(q.active(), "pi.suspended = FALSE");
    p.addIf(q.suspended(), "pi.suspended = TRUE");
    incidents(q, binds, p, orQuery);
    p.in("pi.tenant_id", q.tenantIdIn());
    p.addIf(q.withoutTenantId(), "pi.tenant_id IS NULL");
    p.addIf(
        q.processDefinitionWithoutTenantId(),
        "pi.proc_def_id IN (SELECT d.id FROM tern_process_definition d WHERE d.tenant_id IS NULL)");
    if (q.activityIdIn() != null && !q.activityIdIn().isEmpty()) {
      p.add(
          "EXISTS (SELECT 1 FROM tern_execution e WHERE e.process_instance_id = pi.id"
              + " AND "
              + binds.anyOf("e.activity_id", q.activityIdIn())
              + ")");
    }
    p.addIf(q.rootProcessInstances(), "pi.super_process_instance_id IS NULL");
    p.addIf(
        q.leafProcessInstances(),
        "NOT EXISTS (SELECT 1 FROM tern_process_instance child"
            + " WHERE child.super_process_instance_id = pi.id)");
    p.eq("pi.root_process_instance_id", q.rootProcessInstanceId());
    VARIABLES.addTo(
        p, "pi.id", q.variables(), q.variableNamesIgnoreCase(), q.variableValuesIgnoreCase());
    return p;
  }

  private static void incidents(
      ProcessInstanceQuery q, Binds binds, Predicates p, boolean orQuery) {
    String exists = "EXISTS (SELECT 1 FROM tern_incident i WHERE i.process_instance_id = pi.id";
    Predicates incident = new Predicates(binds);
    incident.eq("i.id", q.incidentId());
    incident.eq("i.incident_type", q.incidentType());
    incident.eq("i.incident_message", q.incidentMessage());
    incident.like("i.incident_message", q.incidentMessageLike());
    if (orQuery) {
      // inside an or-query each incident filter is an alternative of its own
      p.addIf(q.withIncident(), exists + ")");
      for (String alternative : incident.parts()) {
        p.add(exists + " AND " + alternative + ")");
      }
    } else if (q.withIncident() || !incident.isEmpty()) {
      p.add(exists + " AND " + incident.and() + ")");
    }
  }
}
