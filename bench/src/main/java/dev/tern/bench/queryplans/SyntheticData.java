package dev.tern.bench.queryplans;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a realistic Tern database set-based on PostgreSQL ({@code INSERT … SELECT … FROM
 * generate_series}), in the column layout the engine's stores write: 60 process definitions (20 keys
 * × 3 versions, a third of the keys in tenants), {@code n} running instances with business keys,
 * executions, variables of every type, jobs (3% failed with a {@code failedJob} incident, 1% retrying),
 * 2% suspended, plus history: the running instances and {@code n/2} finished ones with activity
 * instances, variables, incidents and job logs.
 *
 * <p>Secondary indexes are dropped for the load and rebuilt afterwards (much faster than keeping them
 * current row by row); foreign-key triggers are skipped where the user may ({@code
 * session_replication_role}).
 */
final class SyntheticData {

  /** Activity ids where running instances wait, with their share (cumulative bounds below). */
  static final String REVIEW = "UserTask_Review";
  static final String CHARGE = "ServiceTask_Charge";
  static final String SHIP = "ServiceTask_Ship";
  static final String TIMER = "Timer_Wait";
  static final String RARE = "UserTask_Rare";
  static final String TIMEOUT_MESSAGE = "java.net.SocketTimeoutException: Read timed out";

  private final Connection connection;
  private final int instances;
  private final Instant base;
  private final Consumer<String> log;

  /**
   * @param instances running process instances to create (finished ones: half as many)
   * @param base start time of the oldest running instance; the newest starts about now
   */
  SyntheticData(Connection connection, int instances, Instant base, Consumer<String> log) {
    this.connection = connection;
    this.instances = instances;
    this.base = base.truncatedTo(ChronoUnit.DAYS);
    this.log = log;
  }

  /** True when the database already holds process instances (then nothing is loaded). */
  static boolean hasInstances(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM tern_process_instance)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  void load() throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    Map<String, String> indexes = secondaryIndexes();
    try {
      skipForeignKeyChecks();
      for (String name : indexes.keySet()) {
        execute("DROP INDEX " + name);
      }
      for (Map.Entry<String, String> step : steps().entrySet()) {
        long start = System.nanoTime();
        int rows = executeUpdate(step.getValue());
        log.accept(String.format("  %-34s %,10d rows %6.1f s", step.getKey(), rows, seconds(start)));
      }
    } finally {
      long start = System.nanoTime();
      for (String definition : indexes.values()) {
        execute(definition);
      }
      log.accept(String.format("  %-34s %,10d       %6.1f s", "rebuild secondary indexes", indexes.size(), seconds(start)));
      execute("DROP TABLE IF EXISTS qp_seed, qp_hseed, qp_def, qp_var");
      execute("RESET session_replication_role");
      connection.setAutoCommit(autoCommit);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Non-constraint indexes of Tern's tables, name → {@code CREATE INDEX} statement. */
  private Map<String, String> secondaryIndexes() throws SQLException {
    Map<String, String> result = new LinkedHashMap<>();
    String sql =
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
            + " AND i.tablename LIKE 'tern\\_%' AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
            + " WHERE c.conname = i.indexname) ORDER BY i.tablename, i.indexname";
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        result.put(rs.getString(1), rs.getString(2));
      }
    }
    return result;
  }

  private void skipForeignKeyChecks() {
    try {
      execute("SET session_replication_role = replica");
    } catch (SQLException notSuperuser) {
      log.accept("  (foreign keys checked row by row: " + notSuperuser.getMessage() + ")");
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private int executeUpdate(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
      return Math.max(0, s.getUpdateCount());
    }
  }

  /** A UUID-shaped id (version-7 layout like {@code Ids}) from a millisecond column and a salt. */
  private static String uuid(String millis, String salt) {
    String h = "md5(" + salt + ")";
    return "lpad(to_hex(" + millis + " >> 16), 8, '0') || '-' || lpad(to_hex(" + millis
        + " & 65535), 4, '0') || '-7' || substr(" + h + ", 1, 3) || '-8' || substr(" + h
        + ", 4, 3) || '-' || substr(" + h + ", 7, 12)";
  }

  /** The id of a row that belongs to an instance: the instance id with its 4th group replaced. */
  private static String childId(String instanceId, String code) {
    return "substr(" + instanceId + ", 1, 19) || '" + code + "' || substr(" + instanceId + ", 24)";
  }

  /** The load, step by step, in order (name → statement). */
  Map<String, String> steps() {
    long baseMs = base.toEpochMilli();
    long spanMs = Instant.now().toEpochMilli() - baseMs;
    long step = Math.max(1, spanMs / instances);
    int finished = instances / 2;
    Map<String, String> s = new LinkedHashMap<>();
    s.put("seed", "SELECT setseed(0.42)");
    s.put("definitions (staging)", """
        CREATE UNLOGGED TABLE qp_def AS
        SELECT k, v, 'process-' || lpad(k::text, 2, '0') AS proc_key,
          'process-' || lpad(k::text, 2, '0') || ':' || v || ':' || md5('def' || k || ':' || v)::uuid AS id,
          md5('dep' || k || ':' || v)::uuid::text AS deployment_id,
          CASE k % 5 WHEN 3 THEN 'tenant-a' WHEN 4 THEN 'tenant-b' END AS tenant_id
        FROM generate_series(0, 19) k, generate_series(1, 3) v""");
    s.put("tern_deployment", """
        INSERT INTO tern_deployment (id, name, source, tenant_id, deploy_time)
        SELECT deployment_id, proc_key, 'process application', tenant_id,
          TIMESTAMPTZ '%s' - (4 - v) * INTERVAL '30 days' FROM qp_def""".formatted(base));
    s.put("tern_resource", """
        INSERT INTO tern_resource (id, deployment_id, name, content, content_hash)
        SELECT md5('res' || id)::uuid::text, deployment_id, proc_key || '.bpmn',
          convert_to(repeat('<bpmn:definitions/>', 200), 'UTF8'), md5(id) FROM qp_def""");
    s.put("tern_process_definition", """
        INSERT INTO tern_process_definition (id, proc_key, name, version, deployment_id,
          resource_name, tenant_id, suspended, startable)
        SELECT id, proc_key, 'Process ' || k, v, deployment_id, proc_key || '.bpmn', tenant_id,
          FALSE, TRUE FROM qp_def""");
    s.put("tern_job_definition", """
        INSERT INTO tern_job_definition (id, proc_def_id, proc_def_key, activity_id, job_type,
          job_configuration, suspended, tenant_id, deployment_id)
        SELECT md5('jd' || d.id || a.activity_id)::uuid::text, d.id, d.proc_key, a.activity_id,
          a.job_type, a.config, FALSE, d.tenant_id, d.deployment_id
        FROM qp_def d, (VALUES ('%s', 'async-continuation', 'async-before'),
          ('%s', 'async-continuation', 'async-before'),
          ('%s', 'timer-intermediate-transition', 'PT60D')) a(activity_id, job_type, config)"""
        .formatted(CHARGE, SHIP, TIMER));
    // one row per running instance: where it waits, whether its job failed, …
    s.put("instances (staging)", """
        CREATE UNLOGGED TABLE qp_seed AS
        SELECT x.*, %s AS id, d.id AS def_id, d.proc_key, d.deployment_id, d.tenant_id,
          CASE WHEN x.r1 < 0.40 THEN '%s' WHEN x.r1 < 0.65 THEN 'UserTask_Approve'
               WHEN x.r1 < 0.80 THEN '%s' WHEN x.r1 < 0.90 THEN '%s'
               WHEN x.r1 < 0.97 THEN '%s' WHEN x.r1 < 0.999 THEN 'UserTask_Escalate'
               ELSE '%s' END AS activity_id
        FROM (SELECT i, %d + i * %d::bigint AS ms,
                least(19, floor(power(random(), 2) * 20))::int AS k,
                CASE WHEN random() < 0.7 THEN 3 WHEN random() < 0.67 THEN 2 ELSE 1 END AS v,
                random() AS r1, random() AS r2, random() AS r3, random() < 0.02 AS suspended
              FROM generate_series(1, %d) i) x
        JOIN qp_def d ON d.k = x.k AND d.v = x.v"""
        .formatted(uuid("x.ms", "'pi' || x.i"), REVIEW, CHARGE, TIMER, SHIP, RARE, baseMs, step, instances));
    s.put("instances (staging, job state)", """
        ALTER TABLE qp_seed ADD PRIMARY KEY (i),
          ADD COLUMN job_kind VARCHAR(16), ADD COLUMN retries INT, ADD COLUMN message VARCHAR(200)""");
    s.put("instances (staging, jobs)", """
        UPDATE qp_seed SET
          job_kind = CASE WHEN activity_id = '%s' THEN 'timer' ELSE 'message' END,
          retries = CASE WHEN activity_id = '%s' OR r2 >= 0.19 THEN 3 WHEN r2 < 0.14 THEN 0 ELSE 2 END,
          message = CASE WHEN activity_id = '%s' OR r2 >= 0.19 THEN NULL
                         WHEN activity_id = '%s' THEN '%s'
                         ELSE 'Shipping service answered HTTP 503 for order ' || i END
        WHERE activity_id IN ('%s', '%s', '%s')"""
        .formatted(TIMER, TIMER, TIMER, CHARGE, TIMEOUT_MESSAGE, CHARGE, SHIP, TIMER));
    s.put("tern_process_instance", """
        INSERT INTO tern_process_instance (id, rev, proc_def_id, proc_def_key, business_key,
          tenant_id, suspended, start_time, start_user_id, super_process_instance_id,
          root_process_instance_id)
        SELECT s.id, 1, s.def_id, s.proc_key, CASE WHEN s.i %% 10 = 0 THEN NULL ELSE 'order-' || s.i END,
          s.tenant_id, s.suspended, to_timestamp(s.ms / 1000.0), 'user-' || (s.i %% 50),
          p.id, COALESCE(p.id, s.id)
        FROM qp_seed s LEFT JOIN qp_seed p ON s.i %% 20 = 0 AND p.i = s.i - 1""".formatted());
    s.put("tern_execution", """
        INSERT INTO tern_execution (id, rev, process_instance_id, activity_id, activity_instance_id,
          state, create_time)
        SELECT %s, 1, id, activity_id, activity_id || ':' || %s,
          CASE WHEN activity_id IN ('%s', '%s') THEN 'ASYNC' ELSE 'WAITING' END,
          to_timestamp(ms / 1000.0) + INTERVAL '5 minutes' FROM qp_seed
        UNION ALL
        SELECT %s, 1, id, 'UserTask_Notify', 'UserTask_Notify:' || %s, 'WAITING',
          to_timestamp(ms / 1000.0) + INTERVAL '1 minute' FROM qp_seed WHERE r3 < 0.1"""
        .formatted(childId("id", "0001"), childId("id", "1001"), CHARGE, SHIP,
            childId("id", "0002"), childId("id", "1002")));
    s.put("variables (staging)", """
        CREATE UNLOGGED TABLE qp_var AS
        SELECT s.i, s.id AS pi, s.def_id, s.proc_key, s.tenant_id, to_timestamp(s.ms / 1000.0) AS t,
          v.no, v.name, v.var_type, v.text_value, v.long_value, v.double_value, v.clob_value
        FROM qp_seed s CROSS JOIN LATERAL (VALUES
          (1, 'customer', 'string', 'customer-' || (s.i %% 100000), NULL::bigint, NULL::float8, NULL::text),
          (2, 'amount', 'integer', ((s.i::bigint * 7919) %% 10000)::text, (s.i::bigint * 7919) %% 10000, NULL, NULL),
          (3, 'approved', 'boolean', NULL, (s.i %% 2)::bigint, NULL, NULL),
          (4, 'status', 'string', CASE WHEN s.r3 < 0.5 THEN 'OPEN' WHEN s.r3 < 0.8 THEN 'NEW'
                                       WHEN s.r3 < 0.99 THEN 'CLOSED' ELSE 'ESCALATED' END, NULL, NULL, NULL),
          (5, CASE WHEN s.i %% 2 = 0 THEN 'score' ELSE 'dueAt' END,
              CASE WHEN s.i %% 2 = 0 THEN 'double' ELSE 'date' END,
              CASE WHEN s.i %% 2 = 0 THEN round((s.r2 * 100)::numeric, 2)::text END,
              CASE WHEN s.i %% 2 = 1 THEN s.ms + 30 * 86400000::bigint END,
              CASE WHEN s.i %% 2 = 0 THEN round((s.r2 * 100)::numeric, 2)::float8 END, NULL),
          (6, 'payload', 'json', NULL, NULL, NULL,
              '{"order":' || s.i || ',"items":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}]}')
        ) v(no, name, var_type, text_value, long_value, double_value, clob_value)
        WHERE v.no < 6 OR s.i %% 20 = 0""".formatted());
    String varId = childId("pi", "01' || lpad(no::text, 2, '0') || '");
    s.put("tern_variable", """
        INSERT INTO tern_variable (id, rev, process_instance_id, execution_id, act_inst_id, name,
          var_type, text_value, long_value, double_value, clob_value, create_time)
        SELECT %s, 1, pi, pi, pi, name, var_type, text_value, long_value, double_value, clob_value, t
        FROM qp_var""".formatted(varId));
    s.put("tern_hi_variable (running)", """
        INSERT INTO tern_hi_variable (id, process_instance_id, execution_id, proc_def_id,
          proc_def_key, name, var_type, text_value, long_value, double_value, clob_value,
          create_time, state, tenant_id)
        SELECT %s, pi, pi, def_id, proc_key, name, var_type, text_value, long_value, double_value,
          clob_value, t, 'CREATED', tenant_id FROM qp_var""".formatted(varId));
    s.put("drop variables (staging)", "DROP TABLE qp_var");
    String jobId = childId("s.id", "0201");
    s.put("tern_job", """
        INSERT INTO tern_job (id, rev, job_kind, handler_type, handler_config, job_definition_id,
          process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id, deployment_id,
          tenant_id, retries, due_date, create_time, is_exclusive, suspended, priority,
          exception_message, exception_stacktrace, failed_activity_id, sequence_counter)
        SELECT %s, 1, s.job_kind,
          CASE WHEN s.job_kind = 'timer' THEN 'timer-intermediate-transition' ELSE 'async-continuation' END,
          CASE WHEN s.job_kind = 'timer' THEN 'PT60D' ELSE 'async-before' END,
          md5('jd' || s.def_id || s.activity_id)::uuid::text, s.id, %s, s.def_id, s.proc_key,
          s.activity_id, s.deployment_id, s.tenant_id, s.retries,
          CASE WHEN s.job_kind = 'timer' THEN to_timestamp(s.ms / 1000.0) + INTERVAL '60 days'
               WHEN s.message IS NOT NULL AND s.retries > 0 THEN to_timestamp(s.ms / 1000.0) + INTERVAL '10 minutes' END,
          to_timestamp(s.ms / 1000.0) + INTERVAL '5 minutes', TRUE, s.suspended, 0, s.message,
          CASE WHEN s.message IS NOT NULL THEN s.message || E'\\n' || repeat(E'\\tat com.example.Client.call(Client.java:42)\\n', 30) END,
          CASE WHEN s.message IS NOT NULL THEN s.activity_id END,
          CASE WHEN s.message IS NULL THEN 1 ELSE 4 - s.retries END
        FROM qp_seed s WHERE s.job_kind IS NOT NULL"""
        .formatted(jobId, childId("s.id", "0001")));
    String incidentId = childId("s.id", "0301");
    s.put("tern_incident", """
        INSERT INTO tern_incident (id, rev, incident_type, incident_message, incident_timestamp,
          process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,
          failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,
          job_definition_id, tenant_id)
        SELECT %s, 1, 'failedJob', s.message, to_timestamp(s.ms / 1000.0) + INTERVAL '20 minutes',
          s.id, %s, s.def_id, s.proc_key, s.activity_id, s.activity_id, %s, %s, %s,
          md5('jd' || s.def_id || s.activity_id)::uuid::text, s.tenant_id
        FROM qp_seed s WHERE s.retries = 0"""
        .formatted(incidentId, childId("s.id", "0001"), incidentId, incidentId, jobId));
    s.put("tern_hi_process_instance (running)", """
        INSERT INTO tern_hi_process_instance (id, business_key, proc_def_id, proc_def_key,
          proc_def_name, proc_def_version, deployment_id, start_time, start_user_id,
          start_activity_id, super_process_instance_id, root_process_instance_id, tenant_id, state)
        SELECT pi.id, pi.business_key, pi.proc_def_id, pi.proc_def_key, d.name, d.version,
          d.deployment_id, pi.start_time, pi.start_user_id, 'StartEvent_1',
          pi.super_process_instance_id, pi.root_process_instance_id, pi.tenant_id,
          CASE WHEN pi.suspended THEN 'SUSPENDED' ELSE 'ACTIVE' END
        FROM tern_process_instance pi JOIN tern_process_definition d ON d.id = pi.proc_def_id""");
    s.put("finished instances (staging)", """
        CREATE UNLOGGED TABLE qp_hseed AS
        SELECT x.*, %s AS id, d.id AS def_id, d.proc_key, d.deployment_id, d.tenant_id, d.v AS version
        FROM (SELECT i, %d - 90 * 86400000::bigint + i * %d::bigint AS ms,
                least(19, floor(power(random(), 2) * 20))::int AS k,
                1 + floor(random() * 3)::int AS v, random() AS r1
              FROM generate_series(1, %d) i) x
        JOIN qp_def d ON d.k = x.k AND d.v = x.v"""
        .formatted(uuid("x.ms", "'hpi' || x.i"), baseMs, Math.max(1, 90L * 86_400_000 / Math.max(1, finished)), finished));
    s.put("tern_hi_process_instance (finished)", """
        INSERT INTO tern_hi_process_instance (id, business_key, proc_def_id, proc_def_key,
          proc_def_name, proc_def_version, deployment_id, start_time, end_time, duration_ms,
          start_user_id, start_activity_id, end_activity_id, root_process_instance_id,
          delete_reason, tenant_id, state)
        SELECT id, 'old-order-' || i, def_id, proc_key, 'Process ' || k, version, deployment_id,
          to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0) + (r1 * 72) * INTERVAL '1 hour',
          (r1 * 72 * 3600000)::bigint, 'user-' || (i %% 50), 'StartEvent_1',
          CASE WHEN r1 < 0.9 THEN 'EndEvent_1' ELSE '%s' END, id,
          CASE WHEN r1 >= 0.9 THEN 'Cancelled by operator' END, tenant_id,
          CASE WHEN r1 < 0.9 THEN 'COMPLETED' ELSE 'EXTERNALLY_TERMINATED' END
        FROM qp_hseed""".formatted(REVIEW));
    s.put("tern_hi_activity_instance (running)", """
        INSERT INTO tern_hi_activity_instance (id, process_instance_id, execution_id, proc_def_id,
          proc_def_key, activity_id, activity_name, activity_type, start_time, end_time,
          duration_ms, canceled, tenant_id)
        SELECT %s, id, %s, def_id, proc_key, 'StartEvent_1', 'Start', 'startEvent',
          to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), 0, FALSE, tenant_id FROM qp_seed
        UNION ALL
        SELECT %s, id, %s, def_id, proc_key, activity_id, activity_id,
          CASE WHEN activity_id LIKE 'ServiceTask%%' THEN 'serviceTask'
               WHEN activity_id = '%s' THEN 'intermediateTimer' ELSE 'userTask' END,
          to_timestamp(ms / 1000.0) + INTERVAL '5 minutes', NULL, NULL, FALSE, tenant_id FROM qp_seed
        UNION ALL
        SELECT %s, id, %s, def_id, proc_key, 'UserTask_Notify', 'Notify', 'userTask',
          to_timestamp(ms / 1000.0) + INTERVAL '1 minute', NULL, NULL, FALSE, tenant_id
        FROM qp_seed WHERE r3 < 0.1"""
        .formatted(childId("id", "1000"), childId("id", "0001"), childId("id", "1001"),
            childId("id", "0001"), TIMER, childId("id", "1002"), childId("id", "0002")));
    s.put("tern_hi_activity_instance (finished)", """
        INSERT INTO tern_hi_activity_instance (id, process_instance_id, execution_id, proc_def_id,
          proc_def_key, activity_id, activity_name, activity_type, start_time, end_time,
          duration_ms, canceled, tenant_id)
        SELECT substr(h.id, 1, 19) || '100' || a.no || substr(h.id, 24), h.id, h.id, h.def_id,
          h.proc_key, a.activity_id, a.activity_id, a.type,
          to_timestamp(h.ms / 1000.0) + a.no * INTERVAL '1 minute',
          to_timestamp(h.ms / 1000.0) + (a.no + 1) * INTERVAL '1 minute', 60000, FALSE, h.tenant_id
        FROM qp_hseed h CROSS JOIN (VALUES (0, 'StartEvent_1', 'startEvent'),
          (1, '%s', 'userTask'), (2, '%s', 'serviceTask'), (3, 'EndEvent_1', 'endEvent')) a(no, activity_id, type)"""
        .formatted(REVIEW, CHARGE));
    s.put("tern_hi_variable (finished)", """
        INSERT INTO tern_hi_variable (id, process_instance_id, execution_id, proc_def_id,
          proc_def_key, name, var_type, text_value, long_value, double_value, clob_value,
          create_time, state, tenant_id)
        SELECT substr(h.id, 1, 19) || '010' || v.no || substr(h.id, 24), h.id, h.id, h.def_id,
          h.proc_key, v.name, v.var_type, v.text_value, v.long_value, NULL, NULL,
          to_timestamp(h.ms / 1000.0), 'CREATED', h.tenant_id
        FROM qp_hseed h CROSS JOIN LATERAL (VALUES
          (1, 'customer', 'string', 'customer-' || (h.i %% 100000), NULL::bigint),
          (2, 'amount', 'integer', ((h.i::bigint * 7919) %% 10000)::text, (h.i::bigint * 7919) %% 10000)
        ) v(no, name, var_type, text_value, long_value)""".formatted());
    s.put("tern_hi_incident (open)", """
        INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,
          incident_state, process_instance_id, execution_id, proc_def_id, proc_def_key,
          activity_id, failed_activity_id, cause_incident_id, root_cause_incident_id,
          configuration, job_definition_id, root_process_instance_id, tenant_id)
        SELECT i.id, i.incident_type, i.incident_message, i.incident_timestamp, 0,
          i.process_instance_id, i.execution_id, i.proc_def_id, i.proc_def_key, i.activity_id,
          i.failed_activity_id, i.cause_incident_id, i.root_cause_incident_id, i.configuration,
          i.job_definition_id, p.root_process_instance_id, i.tenant_id
        FROM tern_incident i JOIN tern_process_instance p ON p.id = i.process_instance_id""");
    s.put("tern_hi_incident (resolved)", """
        INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time, end_time,
          incident_state, process_instance_id, execution_id, proc_def_id, proc_def_key,
          activity_id, failed_activity_id, cause_incident_id, root_cause_incident_id,
          configuration, job_definition_id, root_process_instance_id, tenant_id)
        SELECT %s, 'failedJob', '%s', to_timestamp(h.ms / 1000.0) + INTERVAL '3 minutes',
          to_timestamp(h.ms / 1000.0) + INTERVAL '1 hour', 1, h.id, h.id, h.def_id, h.proc_key,
          '%s', '%s', %s, %s, %s, md5('jd' || h.def_id || '%s')::uuid::text, h.id, h.tenant_id
        FROM qp_hseed h WHERE h.r1 < 0.04"""
        .formatted(childId("h.id", "0301"), TIMEOUT_MESSAGE, CHARGE, CHARGE,
            childId("h.id", "0301"), childId("h.id", "0301"), childId("h.id", "0201"), CHARGE));
    s.put("tern_hi_job_log", """
        INSERT INTO tern_hi_job_log (id, log_time, job_state, job_id, job_due_date, job_retries,
          job_priority, job_exception_message, job_definition_id, job_definition_type,
          job_definition_configuration, activity_id, failed_activity_id, execution_id,
          process_instance_id, proc_def_id, proc_def_key, deployment_id, root_process_instance_id,
          tenant_id, hostname, sequence_counter)
        SELECT substr(j.id, 1, 19) || '050' || n || substr(j.id, 24), j.create_time + n * INTERVAL '1 minute',
          CASE WHEN n = 0 THEN 0 ELSE 1 END, j.id, j.due_date, 3 - n, j.priority,
          CASE WHEN n > 0 THEN j.exception_message END, j.job_definition_id, j.handler_type,
          j.handler_config, j.activity_id, CASE WHEN n > 0 THEN j.failed_activity_id END,
          j.execution_id, j.process_instance_id, j.proc_def_id, j.proc_def_key, j.deployment_id,
          j.process_instance_id, j.tenant_id, 'node-1', n + 1
        FROM tern_job j CROSS JOIN generate_series(0, 3) n WHERE n < j.sequence_counter""");
    return s;
  }

  /** Row counts per Tern table, for the report. */
  static Map<String, Long> tableSizes(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND tablename LIKE 'tern\\_%' ORDER BY tablename")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String table : tables) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        sizes.put(table, rs.getLong(1));
      }
    }
    return sizes;
  }
}
