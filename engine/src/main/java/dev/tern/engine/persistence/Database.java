package dev.tern.engine.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The engine's database: a connection pool, Jdbi on top of it, the dialect, and the migrations.
 * Transactions are explicit: callers get a {@link Handle} and pass it on to the stores they call.
 */
public final class Database implements AutoCloseable {

  private final DataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private String schemaVersion = "unknown";

  private Database(DataSource dataSource, Dialect dialect, Duration statementTimeout) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    if (dialect != Dialect.POSTGRES) {
      jdbi.getConfig(SqlStatements.class).setQueryTimeout((int) statementTimeout.toSeconds());
    }
    // Jdbi's default message lists the bound values, which end up in logs: keep the SQL only
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::sqlWithoutValues);
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, col, ctx) -> Rows.instant(rs, col));
  }

  /** Opens a pool on the configured database and brings its schema up to date. */
  public static Database open(DatabaseConfig config) {
    return open(config, null);
  }

  /**
   * Like {@link #open(DatabaseConfig)}; a non-null {@code meterRegistry} gets the pool's meters
   * ({@code hikaricp_connections_*}, tagged {@code pool="tern"}).
   */
  public static Database open(DatabaseConfig config, MeterRegistry meterRegistry) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setConnectionTimeout(DatabaseConfig.CONNECTION_TIMEOUT.toMillis());
    hikari.setPoolName("tern");
    hikari.setAutoCommit(true);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (config.dialect() == Dialect.POSTGRES) {
      // The server enforces the timeout. A JDBC query timeout would make the driver schedule and
      // cancel a timer task around every statement (measured: about 0.8 ms of CPU per start).
      hikari.setConnectionInitSql(
          "SET statement_timeout = " + config.statementTimeout().toMillis());
      // A statement is prepared on the server at its first execution, not its fifth: each pooled
      // connection then plans it once (with the job and start transactions' generic plans)
      // instead of five times. A prepareThreshold in the URL still wins.
      hikari.addDataSourceProperty("prepareThreshold", "1");
    }
    if (meterRegistry != null) {
      hikari.setMetricRegistry(meterRegistry);
    }
    Database database =
        new Database(new HikariDataSource(hikari), config.dialect(), config.statementTimeout());
    database.migrate();
    return database;
  }

  private void migrate() {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(dialect.migrationPlaceholders())
            .table("tern_schema_history")
            .load()
            .migrate();
    // Without pending migrations Flyway reports no target: the schema stayed at its initial version
    String version =
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    if (version != null) {
      schemaVersion = version;
    }
  }

  /** The schema version this database was migrated to when it was opened (e.g. {@code 24.1}). */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** Whether the database answers a trivial statement now (a health probe; never throws). */
  public boolean answers() {
    try {
      return withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs the callback in one READ COMMITTED transaction and returns its result. The pool opens
   * every connection at READ COMMITTED; naming the level here would make Jdbi read, set and reset
   * it on each transaction, three extra round trips on PostgreSQL.
   */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
    try {
      return jdbi.inTransaction(handle -> withWritesBeforeCommit(handle, callback));
    } catch (JdbiException e) {
      throw StatementFailures.translate(e);
    }
  }

  /**
   * Like {@link #inTransaction}, for bookkeeping whose loss in a crash is harmless (a job claim:
   * lost, the jobs are simply unclaimed). On PostgreSQL its commit does not wait for the WAL
   * flush, which is most of a short transaction's latency; it is still atomic and ordered before
   * any later durable commit.
   */
  public <R, X extends Exception> R inTransactionWithoutFlush(HandleCallback<R, X> callback)
      throws X {
    return inTransactionSetting("synchronous_commit TO OFF", callback);
  }

  /**
   * Like {@link #inTransaction}, for work that sends the same statements every time with other
   * values (a job's run, a process start). On PostgreSQL they run with generic plans: a prepared statement is then
   * planned once per connection. Left to choose, PostgreSQL re-planned the removal-time statement
   * and the job log insert at nearly every execution, about 2.7 ms of planning per trivial job
   * (docs/benchmarks.md).
   */
  public <R, X extends Exception> R inTransactionWithGenericPlans(HandleCallback<R, X> callback)
      throws X {
    return inTransactionSetting("plan_cache_mode = force_generic_plan", callback);
  }

  /** {@link #inTransaction} with a PostgreSQL setting for this transaction only ({@code SET LOCAL}). */
  private <R, X extends Exception> R inTransactionSetting(
      String postgresSetting, HandleCallback<R, X> callback) throws X {
    try {
      return jdbi.inTransaction(
          handle -> {
            if (dialect == Dialect.POSTGRES) {
              handle.execute("SET LOCAL " + postgresSetting);
            }
            return withWritesBeforeCommit(handle, callback);
          });
    } catch (JdbiException e) {
      throw StatementFailures.translate(e);
    }
  }

  /** Runs the callback in one READ COMMITTED transaction (see {@link #inTransaction}). */
  public <X extends Exception> void useTransaction(HandleConsumer<X> callback) throws X {
    try {
      jdbi.useTransaction(
          handle -> {
            callback.useHandle(handle);
            BeforeCommit.runAll(handle);
          });
    } catch (JdbiException e) {
      throw StatementFailures.translate(e);
    }
  }

  /** Runs read-only work on a handle in auto-commit mode. */
  public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    try {
      return jdbi.withHandle(handle -> withWritesBeforeCommit(handle, callback));
    } catch (JdbiException e) {
      throw StatementFailures.translate(e);
    }
  }

  private static <R, X extends Exception> R withWritesBeforeCommit(
      Handle handle, HandleCallback<R, X> callback) throws X {
    R result = callback.withHandle(handle);
    BeforeCommit.runAll(handle);
    return result;
  }

  private static String sqlWithoutValues(StatementException e) {
    String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRenderedSql();
    if (sql == null) {
      return e.getShortMessage();
    }
    String flat = sql.replaceAll("\\s+", " ").trim();
    return e.getShortMessage() + " [statement: " + (flat.length() > 500 ? flat.substring(0, 500) + "…" : flat) + "]";
  }

  @Override
  public void close() {
    if (dataSource instanceof HikariDataSource hikari) {
      hikari.close();
    }
  }

  /** Binds instants as UTC {@code TIMESTAMP WITH TIME ZONE} on every database, whatever the JVM zone. */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) ->
          statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }
}
