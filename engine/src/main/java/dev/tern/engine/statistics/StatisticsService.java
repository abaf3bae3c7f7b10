package dev.tern.engine.statistics;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.ProcessDefinitionQuery;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.SqlFragment;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Cockpit's counts (Camunda's {@code ManagementService} statistics queries): running instances,
 * failed jobs and open incidents per process definition, or per activity of one definition. Each
 * is one statement that groups each kind of row once and joins the groups; a definition or
 * activity with several incident types comes back as one row per type and is folded here.
 */
public final class StatisticsService {

  private static final RowMapper<ProcessDefinition> DEFINITION =
      RecordMapper.of(ProcessDefinition.class, ProcessDefinitionQuery.COLUMNS);

  /**
   * Camunda's active executions: not waiting at a parallel join, and not the scope execution of a
   * sub-process whose tokens are inside it.
   */
  private static final String ACTIVE =
      " AND e.state <> 'JOIN'"
          + " AND NOT EXISTS (SELECT 1 FROM tern_execution c WHERE c.parent_id = e.id)";

  private final Database database;
  private final Authorizer authorizer;

  public StatisticsService(Database database, Authorizer authorizer) {
    this.database = database;
    this.authorizer = authorizer;
  }

  /**
   * Every process definition the caller may read ({@code READ}), ordered by id, with the counts of
   * the instances, failed jobs and incidents it may see ({@code READ} on the instance or {@code
   * READ_INSTANCE} on the definition), as Camunda filters them.
   */
  public List<ProcessDefinitionStatistics> byProcessDefinition(
      Caller caller, StatisticsOptions options) {
    Binds binds = new Binds("st");
    ProcessDefinitionQuery readable = new ProcessDefinitionQuery();
    readable
        .filters()
        .restrict(authorizer.definitionReadable(caller, "pd.tenant_id", "pd.proc_key"));
    SqlFragment definitions = readable.filters().idsSql("sd", null);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(ProcessDefinitionQuery.COLUMNS)
            .append(", COALESCE(inst.n, 0) AS instance_count")
            .append(options.failedJobs() ? ", COALESCE(fj.n, 0)" : ", 0")
            .append(" AS failed_jobs")
            .append(options.countsIncidents() ? ", inc.incident_type, inc.n" : ", NULL AS incident_type, NULL")
            .append(" AS incident_count")
            .append(" FROM tern_process_definition pd")
            .append(" LEFT JOIN (SELECT p.proc_def_id, COUNT(*) AS n FROM tern_process_instance p")
            .append(" WHERE 1 = 1")
            .append(instanceReadable(caller, "p.id", "p").andSql(binds))
            .append(" GROUP BY p.proc_def_id) inst ON inst.proc_def_id = pd.id");
    if (options.failedJobs()) {
      sql.append(" LEFT JOIN (SELECT j.proc_def_id, COUNT(*) AS n FROM tern_job j")
          .append(" WHERE j.retries = 0")
          .append(instanceReadable(caller, "j.process_instance_id", "j").andSql(binds))
          .append(" GROUP BY j.proc_def_id) fj ON fj.proc_def_id = pd.id");
    }
    if (options.countsIncidents()) {
      sql.append(" LEFT JOIN (SELECT i.proc_def_id, i.incident_type, COUNT(*) AS n")
          .append(" FROM tern_incident i WHERE ")
          .append(incidentCondition(options, binds))
          .append(instanceReadable(caller, "i.process_instance_id", "i").andSql(binds))
          .append(" GROUP BY i.proc_def_id, i.incident_type) inc ON inc.proc_def_id = pd.id");
    }
    sql.append(" WHERE pd.id IN (").append(definitions.sql()).append(")");
    sql.append(" ORDER BY pd.id").append(options.countsIncidents() ? ", inc.incident_type" : "");
    List<CountRow<ProcessDefinition>> rows =
        database.withHandle(
            h -> {
              var query = h.createQuery(sql.toString());
              binds.values().forEach(query::bind);
              definitions.bindTo(query);
              return query.map((rs, ctx) -> CountRow.read(rs, DEFINITION.map(rs, ctx))).list();
            });
    return CountRow.fold(rows, ProcessDefinition::id).stream()
        .map(r -> new ProcessDefinitionStatistics(r.subject(), r.instances(), r.failedJobs(), r.incidents()))
        .toList();
  }

  /**
   * The activities of one definition where tokens rest (at a wait state or before an asynchronous
   * continuation; a token waiting at a parallel join and a sub-process's scope execution are not
   * active instances, as in Camunda), or
   * where failed jobs or incidents are when those are asked for; ordered by activity id. An
   * unknown definition has none.
   *
   * @throws dev.tern.engine.authorization.AuthorizationException without {@code READ} on the
   *     definition
   */
  public List<ActivityStatistics> byActivity(
      Caller caller, String processDefinitionId, StatisticsOptions options) {
    return database.withHandle(
        h -> {
          String key =
              h.createQuery("SELECT proc_key FROM tern_process_definition WHERE id = :id")
                  .bind("id", processDefinitionId)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          if (key == null) {
            return List.of();
          }
          authorizer.check(
              h, caller, PermissionCheck.of(Permission.READ, Resource.PROCESS_DEFINITION, key));
          Binds binds = new Binds("sa");
          String definition = binds.add(processDefinitionId);
          StringBuilder activities =
              new StringBuilder(
                      "SELECT e.activity_id FROM tern_execution e JOIN tern_process_instance p"
                          + " ON p.id = e.process_instance_id WHERE p.proc_def_id = ")
                  .append(definition)
                  .append(ACTIVE).append(" AND e.activity_id IS NOT NULL");
          StringBuilder joins =
              new StringBuilder(" LEFT JOIN (SELECT e.activity_id, COUNT(*) AS n")
                  .append(" FROM tern_execution e JOIN tern_process_instance p")
                  .append(" ON p.id = e.process_instance_id WHERE p.proc_def_id = ")
                  .append(definition)
                  .append(ACTIVE)
                  .append(" GROUP BY e.activity_id) inst ON inst.activity_id = a.activity_id");
          if (options.failedJobs()) {
            String failed =
                " FROM tern_job j WHERE j.proc_def_id = " + definition + " AND j.retries = 0"
                    + " AND j.activity_id IS NOT NULL";
            activities.append(" UNION SELECT j.activity_id").append(failed);
            joins
                .append(" LEFT JOIN (SELECT j.activity_id, COUNT(*) AS n")
                .append(failed)
                .append(" GROUP BY j.activity_id) fj ON fj.activity_id = a.activity_id");
          }
          if (options.countsIncidents()) {
            String incidents =
                " FROM tern_incident i WHERE i.proc_def_id = " + definition
                    + " AND i.activity_id IS NOT NULL AND " + incidentCondition(options, binds);
            activities.append(" UNION SELECT i.activity_id").append(incidents);
            joins
                .append(" LEFT JOIN (SELECT i.activity_id, i.incident_type, COUNT(*) AS n")
                .append(incidents)
                .append(" GROUP BY i.activity_id, i.incident_type) inc")
                .append(" ON inc.activity_id = a.activity_id");
          }
          String sql =
              "SELECT a.activity_id, COALESCE(inst.n, 0) AS instance_count, "
                  + (options.failedJobs() ? "COALESCE(fj.n, 0)" : "0")
                  + " AS failed_jobs, "
                  + (options.countsIncidents() ? "inc.incident_type, inc.n" : "NULL AS incident_type, NULL")
                  + " AS incident_count FROM (SELECT DISTINCT x.activity_id FROM ("
                  + activities
                  + ") x) a"
                  + joins
                  + " ORDER BY a.activity_id"
                  + (options.countsIncidents() ? ", inc.incident_type" : "");
          var query = h.createQuery(sql);
          binds.values().forEach(query::bind);
          List<CountRow<String>> rows =
              query.map((rs, ctx) -> CountRow.read(rs, rs.getString("activity_id"))).list();
          return CountRow.fold(rows, id -> id).stream()
              .map(r -> new ActivityStatistics(r.subject(), r.instances(), r.failedJobs(), r.incidents()))
              .toList();
        });
  }

  /** Which open incidents count: of one type, only root incidents, or all. */
  private static String incidentCondition(StatisticsOptions options, Binds binds) {
    if (options.incidentType() != null) {
      return "i.incident_type = " + binds.add(options.incidentType());
    }
    if (options.rootIncidentsOnly()) {
      return "(i.root_cause_incident_id IS NULL OR i.root_cause_incident_id = i.id)";
    }
    return "1 = 1";
  }

  /** Camunda's read of instance rows: {@code READ} on the instance or {@code READ_INSTANCE}. */
  private Restriction instanceReadable(Caller caller, String instanceIdSql, String alias) {
    return authorizer.instanceReadable(
        caller, instanceIdSql, alias + ".proc_def_key", alias + ".tenant_id");
  }
}
