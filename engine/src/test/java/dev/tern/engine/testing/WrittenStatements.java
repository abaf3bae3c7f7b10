package dev.tern.engine.testing;

import dev.tern.engine.persistence.Database;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The writing statements (INSERT, UPDATE, DELETE, MERGE) the engine executes while an action runs,
 * including those of transactions that roll back afterwards, which a row count cannot see.
 */
public final class WrittenStatements {

  private WrittenStatements() {}

  /** Runs {@code action} and returns what it wrote (assert a refusal inside the action). */
  public static List<String> during(Database database, Runnable action) {
    List<String> written = new CopyOnWriteArrayList<>();
    SqlStatements config = database.jdbi().getConfig(SqlStatements.class);
    SqlLogger previous = config.getSqlLogger();
    config.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            record(context);
          }

          @Override
          public void logException(StatementContext context, java.sql.SQLException ex) {
            record(context);
          }

          private void record(StatementContext context) {
            String sql = context.getRenderedSql().strip();
            String verb = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (List.of("INSERT", "UPDATE", "DELETE", "MERGE", "WITH").contains(verb)
                && !(verb.equals("WITH") && !sql.toUpperCase(Locale.ROOT).contains("UPDATE"))) {
              written.add(sql);
            }
          }
        });
    try {
      action.run();
    } finally {
      config.setSqlLogger(previous);
    }
    return List.copyOf(written);
  }
}
