package dev.tern.engine.runtime;

import dev.tern.engine.persistence.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Writes runtime and history rows directly, so query tests control every column. */
public final class InstanceFixture {

  private final Database database;

  public InstanceFixture(Database database) {
    this.database = database;
  }

  public static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Empties every table the fixtures write (tests of one class run share a database). */
  public void clear() {
    database.useTransaction(
        h -> {
          for (String table :
              new String[] {
                "tern_variable", "tern_hi_variable", "tern_incident", "tern_hi_incident",
                "tern_job", "tern_hi_job_log", "tern_execution", "tern_process_instance",
                "tern_hi_activity_instance", "tern_hi_process_instance",
                "tern_process_definition", "tern_resource", "tern_deployment"
              }) {
            h.execute("DELETE FROM " + table);
          }
        });
  }

  public void definition(String id, String key, String deploymentId, String tenantId) {
    database.useTransaction(
        h -> {
          if (h.createQuery("SELECT COUNT(*) FROM tern_deployment WHERE id = :id")
                  .bind("id", deploymentId)
                  .mapTo(Integer.class)
                  .one()
              == 0) {
            h.execute(
                "INSERT INTO tern_deployment (id, name, tenant_id, deploy_time) VALUES (?, ?, ?, ?)",
                deploymentId,
                deploymentId,
                tenantId,
                ts(Instant.parse("2026-01-01T00:00:00Z")));
          }
          h.execute(
              "INSERT INTO tern_process_definition (id, proc_key, name, version, deployment_id,"
                  + " resource_name, tenant_id) VALUES (?, ?, ?, 1, ?, 'p.bpmn', ?)",
              id,
              key,
              key + " name",
              deploymentId,
              tenantId);
        });
  }

  /** A running instance (runtime row and ACTIVE/SUSPENDED history row). */
  public void instance(
      String id,
      String definitionId,
      String key,
      String businessKey,
      String tenantId,
      boolean suspended,
      String superId,
      Instant start) {
    database.useTransaction(
        h -> {
          String root = superId == null ? id : rootOf(h, superId);
          h.execute(
              "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, business_key,"
                  + " tenant_id, suspended, start_time, super_process_instance_id,"
                  + " root_process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              id,
              definitionId,
              key,
              businessKey,
              tenantId,
              suspended,
              ts(start),
              superId,
              root);
          historic(h, id, definitionId, key, businessKey, tenantId, suspended ? "SUSPENDED" : "ACTIVE", superId, root, start, null);
        });
  }

  /** An instance that only history knows about (it ended). */
  public void endedInstance(
      String id,
      String definitionId,
      String key,
      String businessKey,
      String tenantId,
      String state,
      Instant start,
      Instant end) {
    database.useTransaction(
        h -> historic(h, id, definitionId, key, businessKey, tenantId, state, null, id, start, end));
  }

  private static void historic(
      Handle h,
      String id,
      String definitionId,
      String key,
      String businessKey,
      String tenantId,
      String state,
      String superId,
      String root,
      Instant start,
      Instant end) {
    h.execute(
        "INSERT INTO tern_hi_process_instance (id, business_key, proc_def_id, proc_def_key,"
            + " proc_def_name, proc_def_version, start_time, end_time, duration_ms,"
            + " super_process_instance_id, root_process_instance_id, tenant_id, state,"
            + " start_user_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        businessKey,
        definitionId,
        key,
        key + " name",
        ts(start),
        ts(end),
        end == null ? null : end.toEpochMilli() - start.toEpochMilli(),
        superId,
        root,
        tenantId,
        state,
        "user-" + id);
  }

  private static String rootOf(Handle h, String id) {
    return h.createQuery("SELECT root_process_instance_id FROM tern_process_instance WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one();
  }

  public String execution(String processInstanceId, String activityId) {
    String id = UUID.randomUUID().toString();
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_execution (id, process_instance_id, activity_id, state,"
                    + " create_time) VALUES (?, ?, ?, 'WAITING', ?)",
                id,
                processInstanceId,
                activityId,
                ts(Instant.parse("2026-01-01T00:00:00Z"))));
    return id;
  }

  public void activity(String processInstanceId, String activityId, Instant start, Instant end) {
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_hi_activity_instance (id, process_instance_id, activity_id,"
                    + " start_time, end_time) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                processInstanceId,
                activityId,
                ts(start),
                ts(end)));
  }

  /** An open incident (runtime and history). */
  public String incident(String processInstanceId, String type, String message, String activityId) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    database.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO tern_incident (id, incident_type, incident_message, incident_timestamp,"
                  + " process_instance_id, activity_id, root_cause_incident_id)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)",
              id,
              type,
              message,
              ts(now),
              processInstanceId,
              activityId,
              id);
          historicIncident(h, id, processInstanceId, type, message, 0);
        });
    return id;
  }

  /** A historic incident only (e.g. resolved: state 1). */
  public String historicIncident(String processInstanceId, String type, String message, int state) {
    String id = UUID.randomUUID().toString();
    database.useTransaction(h -> historicIncident(h, id, processInstanceId, type, message, state));
    return id;
  }

  private static void historicIncident(
      Handle h, String id, String processInstanceId, String type, String message, int state) {
    h.execute(
        "INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,"
            + " incident_state, process_instance_id, root_cause_incident_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        type,
        message,
        ts(Instant.parse("2026-01-01T00:00:00Z")),
        state,
        processInstanceId,
        id);
  }

  public String job(String processInstanceId, int retries, String exceptionMessage) {
    String id = UUID.randomUUID().toString();
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_job (id, job_kind, handler_type, process_instance_id, retries,"
                    + " create_time, exception_message) VALUES (?, 'message',"
                    + " 'async-continuation', ?, ?, ?, ?)",
                id,
                processInstanceId,
                retries,
                ts(Instant.parse("2026-01-01T00:00:00Z")),
                exceptionMessage));
    return id;
  }

  public void jobLog(String processInstanceId, Instant time) {
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_hi_job_log (id, log_time, job_state, job_id, process_instance_id)"
                    + " VALUES (?, ?, 0, ?, ?)",
                UUID.randomUUID().toString(),
                ts(time),
                UUID.randomUUID().toString(),
                processInstanceId));
  }
}
