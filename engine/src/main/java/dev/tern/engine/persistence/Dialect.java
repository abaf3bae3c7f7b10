package dev.tern.engine.persistence;

import java.util.Map;

/** The few real differences between the databases Tern runs on. */
public enum Dialect {
  H2(
      Map.of(
          "blob_type",
          "BLOB",
          "text_type",
          "CLOB",
          "claimable_jobs_only",
          "",
          "job_table_fillfactor",
          "",
          "postgres_only",
          "-- ")),
  POSTGRES(
      Map.of(
          "blob_type",
          "BYTEA",
          "text_type",
          "TEXT",
          "claimable_jobs_only",
          " WHERE retries > 0 AND suspended = FALSE",
          "job_table_fillfactor",
          "ALTER TABLE tern_job SET (fillfactor = 70);",
          "postgres_only",
          ""));

  private final Map<String, String> migrationPlaceholders;

  Dialect(Map<String, String> migrationPlaceholders) {
    this.migrationPlaceholders = migrationPlaceholders;
  }

  /** Values for the {@code ${…}} placeholders in the migration scripts. */
  public Map<String, String> migrationPlaceholders() {
    return migrationPlaceholders;
  }

  /** The SQL expression of a fresh random id (a UUID as text), for ids an INSERT … SELECT makes. */
  public String newIdExpression() {
    return this == POSTGRES
        ? "CAST(gen_random_uuid() AS VARCHAR)"
        : "CAST(RANDOM_UUID() AS VARCHAR)";
  }

  public static Dialect fromJdbcUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException(
        "Unsupported database URL (H2 and PostgreSQL are supported): " + jdbcUrl);
  }
}
