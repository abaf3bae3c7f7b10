package dev.tern.bench.queryplans;

import static dev.tern.bench.queryplans.SyntheticData.CHARGE;
import static dev.tern.bench.queryplans.SyntheticData.RARE;
import static dev.tern.bench.queryplans.SyntheticData.REVIEW;

import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.incident.IncidentQuery;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableOperator;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The main filters of process-instance, historic process-instance, job and incident queries, each
 * compiled by the engine's own query classes. Sample values (a business key, an instance with an
 * incident, …) are read from the loaded data so the cases fit any data size.
 */
final class QueryCases {

  private static final String BIG_KEY = "process-00";
  private static final String SMALL_KEY = "process-17";

  private final Dialect dialect;
  private final Instant now;
  private final Samples samples;
  private final List<QueryCase> cases = new ArrayList<>();

  /** Values picked from the data. */
  record Samples(String businessKey, String processDefinitionId, String instanceWithIncident, String customer) {

    static Samples read(Handle handle) {
      String businessKey =
          handle
              .createQuery(
                  "SELECT business_key FROM tern_process_instance WHERE business_key IS NOT NULL"
                      + " ORDER BY id DESC LIMIT 1")
              .mapTo(String.class)
              .findOne()
              .orElse("none");
      String definition =
          handle
              .createQuery(
                  "SELECT id FROM tern_process_definition WHERE proc_key = '"
                      + SMALL_KEY
                      + "' ORDER BY version LIMIT 1")
              .mapTo(String.class)
              .findOne()
              .orElse("none");
      String withIncident =
          handle
              .createQuery("SELECT MAX(process_instance_id) FROM tern_incident")
              .mapTo(String.class)
              .findOne()
              .orElse("none");
      return new Samples(businessKey, definition, withIncident, "customer-4711");
    }
  }

  private QueryCases(Dialect dialect, Instant now, Samples samples) {
    this.dialect = dialect;
    this.now = now;
    this.samples = samples;
  }

  static List<QueryCase> all(Handle handle, Dialect dialect, Instant now) {
    QueryCases c = new QueryCases(dialect, now, Samples.read(handle));
    c.processInstances();
    c.historicProcessInstances();
    c.jobs();
    c.incidents();
    return List.copyOf(c.cases);
  }

  private void processInstances() {
    pi("processDefinitionKey=" + BIG_KEY + " (~22%)", b -> b.processDefinitionKey(BIG_KEY));
    pi("processDefinitionKey=" + SMALL_KEY + " (~1.5%)", b -> b.processDefinitionKey(SMALL_KEY));
    pi("processDefinitionKeyIn=" + SMALL_KEY + ",process-18", b -> b.set("processDefinitionKeyIn", List.of(SMALL_KEY, "process-18")));
    pi("processDefinitionId (one version)", b -> b.set("processDefinitionId", samples.processDefinitionId()));
    pi("businessKey=<one>", b -> b.set("businessKey", samples.businessKey()));
    pi("businessKeyLike=order-12345%", b -> b.set("businessKeyLike", "order-12345%"));
    pi("businessKeyLike=%12345%", b -> b.set("businessKeyLike", "%12345%"));
    pi("withIncident", b -> b.set("withIncident", true));
    pi("incidentType=failedJob", b -> b.set("incidentType", "failedJob"));
    pi("incidentMessageLike=%timed out%", b -> b.set("incidentMessageLike", "%timed out%"));
    pi("activityIdIn=" + RARE + " (~0.1%)", b -> b.activityIdIn(RARE));
    pi("activityIdIn=" + REVIEW + " (~40%)", b -> b.activityIdIn(REVIEW));
    pi("variables customer eq <one>", b -> b.variables(List.of(eq("customer", samples.customer()))));
    pi("variables customer eq <one>, values ignore case", b -> b.variables(List.of(eq("customer", samples.customer()))).set("variableValuesIgnoreCase", true));
    pi("variables amount gt 9990 (~0.1%)", b -> b.variables(List.of(VariableCondition.of("amount", VariableOperator.GT, 9990))));
    pi("variables status eq ESCALATED (~1%)", b -> b.variables(List.of(eq("status", "ESCALATED"))));
    pi("variables approved eq true (50%)", b -> b.variables(List.of(eq("approved", true))));
    pi("variables dueAt lt <first week>", b -> b.variables(List.of(VariableCondition.of("dueAt", VariableOperator.LT, firstWeek()))));
    pi("tenantIdIn=tenant-b", b -> b.tenantIdIn("tenant-b"));
    pi("withoutTenantId", b -> b.set("withoutTenantId", true));
    pi("suspended (2%)", b -> b.set("suspended", true));
    pi("processDefinitionKey=" + BIG_KEY + " + activityIdIn=" + CHARGE + " + withIncident",
        b -> b.processDefinitionKey(BIG_KEY).activityIdIn(CHARGE).set("withIncident", true));
    pi("processDefinitionKey=" + BIG_KEY + " + variables status eq ESCALATED",
        b -> b.processDefinitionKey(BIG_KEY).variables(List.of(eq("status", "ESCALATED"))));
  }

  private void historicProcessInstances() {
    hpi("processDefinitionKey=" + BIG_KEY, b -> b.processDefinitionKey(BIG_KEY));
    hpi("processDefinitionKey=" + SMALL_KEY, b -> b.processDefinitionKey(SMALL_KEY));
    hpi("processInstanceBusinessKey=<one>", b -> b.set("processInstanceBusinessKey", samples.businessKey()));
    hpi("processInstanceBusinessKeyLike=order-12345%", b -> b.set("processInstanceBusinessKeyLike", "order-12345%"));
    hpi("withIncidents", b -> b.set("withIncidents", true));
    hpi("incidentStatus=open", b -> b.set("incidentStatus", "open"));
    hpi("activityIdIn=" + RARE, b -> b.activityIdIn(RARE));
    hpi("activeActivityIdIn=" + RARE, b -> b.set("activeActivityIdIn", List.of(RARE)));
    hpi("executedActivityIdIn=" + CHARGE + " (finished ones)", b -> b.set("executedActivityIdIn", List.of(CHARGE)));
    hpi("variables customer eq <one>", b -> b.variables(List.of(eq("customer", samples.customer()))));
    hpi("variables amount gt 9990", b -> b.variables(List.of(VariableCondition.of("amount", VariableOperator.GT, 9990))));
    hpi("tenantIdIn=tenant-b", b -> b.tenantIdIn("tenant-b"));
    hpi("unfinished", b -> b.set("unfinished", true));
    hpi("completed", b -> b.set("completed", true));
    hpi("startedAfter=<1 day ago>", b -> b.set("startedAfter", now.minus(Duration.ofDays(1))));
    // finished instances end up to 90 days ago; this selects the last ~2 days of them
    hpi("finishedAfter=<92 days ago>", b -> b.set("finishedAfter", now.minus(Duration.ofDays(92))));
  }

  private void jobs() {
    job("processDefinitionKey=" + BIG_KEY, q -> q.processDefinitionKey(BIG_KEY));
    job("activityId=" + CHARGE, q -> q.activityId(CHARGE));
    job("noRetriesLeft", JobQuery::noRetriesLeft);
    job("noRetriesLeft + processDefinitionKey=" + BIG_KEY, q -> q.noRetriesLeft().processDefinitionKey(BIG_KEY));
    job("withException", JobQuery::withException);
    job("executable", JobQuery::executable);
    job("timers", q -> { q.filters().set("timers", true); return q; });
    job("tenantIdIn=tenant-b", q -> q.tenantIdIn(List.of("tenant-b")));
    job("suspended", JobQuery::suspended);
    job("processInstanceId=<one>", q -> q.set("processInstanceId", samples.instanceWithIncident()));
  }

  private void incidents() {
    incident("incidentType=failedJob", q -> q.set("incidentType", "failedJob"));
    incident("processDefinitionKeyIn=" + BIG_KEY, q -> q.set("processDefinitionKeyIn", List.of(BIG_KEY)));
    incident("activityId=" + CHARGE, q -> q.set("activityId", CHARGE));
    incident("processInstanceId=<one>", q -> q.set("processInstanceId", samples.instanceWithIncident()));
    incident("tenantIdIn=tenant-b", q -> q.set("tenantIdIn", List.of("tenant-b")));
    incident("incidentMessageLike=%timed out%", q -> q.set("incidentMessageLike", "%timed out%"));
  }

  private Instant firstWeek() {
    // dueAt = start + 30 days; the oldest running instances start 90 days ago
    return now.minus(Duration.ofDays(90 - 30 - 7));
  }

  private static VariableCondition eq(String name, Object value) {
    return VariableCondition.of(name, VariableOperator.EQ, value);
  }

  private void pi(String filter, UnaryOperator<ProcessInstanceQuery.Builder> query) {
    add("process-instance", filter, query.apply(ProcessInstanceQuery.builder()).build().idsSql(dialect));
  }

  private void hpi(String filter, UnaryOperator<HistoricProcessInstanceQuery.Builder> query) {
    add("history/process-instance", filter, query.apply(HistoricProcessInstanceQuery.builder()).build().idsSql(dialect));
  }

  private void job(String filter, UnaryOperator<JobQuery> query) {
    add("job", filter, query.apply(new JobQuery(Clock.fixed(now, java.time.ZoneOffset.UTC))).idsSql());
  }

  private void incident(String filter, UnaryOperator<IncidentQuery> query) {
    add("incident", filter, query.apply(new IncidentQuery()).filters().idsSql("iq", now));
  }

  private void add(String entity, String filter, SqlFragment sql) {
    cases.add(new QueryCase(entity, filter, sql.sql(), q -> sql.bindTo(q)));
  }

}
