package dev.tern.engine.incident;

import dev.tern.engine.persistence.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Three runtime incidents that differ in every column, so each incident filter picks a different
 * subset: {@code inc-a} (failedJob, no tenant, its own root cause), {@code inc-b} (custom, tenant
 * t1, caused by inc-a) and {@code inc-c} (failedJob, tenant t2, its own root cause), one hour apart
 * from {@link #T0}.
 */
public final class IncidentFixture {

  public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final Database database;

  public IncidentFixture(Database database) {
    this.database = database;
  }

  public void insertAll() {
    database.useTransaction(
        h -> {
          h.execute("DELETE FROM tern_incident");
          insert(h, "inc-a", "failedJob", "boom in charge", 0, "1", "invoice", "charge", "charge",
              "inc-a", "inc-a", "job-1", null);
          insert(h, "inc-b", "custom", "bad thing", 1, "2", "order", "ship", "pack", "inc-a",
              "inc-a", "cfg-2", "t1");
          insert(h, "inc-c", "failedJob", "boom again", 2, "3", "payment", "pay", "pay", "inc-c",
              "inc-c", "job-3", "t2");
        });
  }

  private static void insert(
      org.jdbi.v3.core.Handle h,
      String id,
      String type,
      String message,
      int hours,
      String n,
      String key,
      String activity,
      String failedActivity,
      String cause,
      String root,
      String configuration,
      String tenant) {
    h.execute(
        "INSERT INTO tern_incident (id, incident_type, incident_message, incident_timestamp,"
            + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
            + " failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,"
            + " job_definition_id, tenant_id, annotation)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        type,
        message,
        OffsetDateTime.ofInstant(T0.plusSeconds(3600L * hours), ZoneOffset.UTC),
        "pi-" + n,
        "ex-" + n,
        key + ":1:" + n,
        key,
        activity,
        failedActivity,
        cause,
        root,
        configuration,
        "jd-" + n,
        tenant,
        "note " + n);
  }
}
