package dev.tern.engine.persistence;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.TernException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * The statement failures a request can cause on its own, turned into clear engine errors; every
 * other failure stays as it is. Messages never repeat the offending value (it may be long, or a
 * secret).
 *
 * <ul>
 *   <li>A value longer than its column (SQLSTATE 22001): a client mistake the engine's own checks
 *       missed; 400 naming the column where the database says which.
 *   <li>A character the database cannot store (SQLSTATE 22021; PostgreSQL refuses NUL in text):
 *       400, as for any other invalid input.
 *   <li>The statement timeout (SQLSTATE 57014): the statement was cancelled; nothing was written.
 * </ul>
 */
final class StatementFailures {

  static final String VALUE_TOO_LONG = "22001";
  static final String UNSTORABLE_CHARACTER = "22021";
  static final String CANCELLED = "57014";

  /** H2 names the column: {@code Value too long for column "NAME CHARACTER VARYING(255)"}. */
  private static final Pattern H2_COLUMN = Pattern.compile("column \"([A-Za-z0-9_]+) [^\"]*?\\((\\d+)\\)\"");

  /** PostgreSQL names the type only: {@code value too long for type character varying(255)}. */
  private static final Pattern LIMIT = Pattern.compile("varying\\((\\d+)\\)");

  private StatementFailures() {}

  static RuntimeException translate(JdbiException e) {
    SQLException sql = sqlCause(e);
    if (sql == null) {
      return e;
    }
    String state = sql.getSQLState();
    String message = String.valueOf(sql.getMessage());
    if (VALUE_TOO_LONG.equals(state)) {
      Matcher column = H2_COLUMN.matcher(message);
      if (column.find()) {
        return new InvalidRequestException(
            "A value for "
                + column.group(1).toLowerCase(java.util.Locale.ROOT)
                + " is longer than its limit of "
                + column.group(2)
                + " characters; nothing was changed");
      }
      Matcher limit = LIMIT.matcher(message);
      return new InvalidRequestException(
          "A value is longer than its limit"
              + (limit.find() ? " of " + limit.group(1) + " characters" : "")
              + "; nothing was changed");
    }
    if (UNSTORABLE_CHARACTER.equals(state)) {
      return new InvalidRequestException(
          "A value contains a character the database cannot store (such as NUL); nothing was"
              + " changed");
    }
    if (CANCELLED.equals(state)) {
      return new TernException(
          TernException.Category.INTERNAL,
          "ProcessEngineException",
          "The database statement ran longer than the statement timeout and was cancelled;"
              + " nothing was changed",
          0,
          e);
    }
    return e;
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable current = e; current != null; current = current.getCause()) {
      if (current instanceof SQLException sql) {
        return sql;
      }
      if (current.getCause() == current) {
        return null;
      }
    }
    return null;
  }
}
