package dev.tern.engine.query;

import dev.tern.engine.persistence.Dialect;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the named binds of one statement under unique names {@code <prefix><n>}. */
public final class Binds {

  private final String prefix;
  private final Dialect dialect;
  private final Map<String, Object> values = new LinkedHashMap<>();

  public Binds(String prefix, Dialect dialect) {
    this.prefix = prefix;
    this.dialect = dialect;
  }

  /** Binds for a statement that needs no dialect-specific list ({@link #unnest} is refused). */
  public Binds(String prefix) {
    this(prefix, null);
  }

  /** Registers a value and returns its placeholder, e.g. {@code :pq3}. */
  public String add(Object value) {
    String name = prefix + values.size();
    values.put(name, value);
    return ":" + name;
  }

  /**
   * H2 caps an array at 65,536 elements, so longer lists become one array parameter per chunk of
   * this size: a million ids still cost only 20 parameters.
   */
  static final int ARRAY_CHUNK = 50_000;

  /**
   * {@code column = ANY(:array)} for a list of any length: one array parameter per {@link
   * #ARRAY_CHUNK} values, never one parameter per value.
   */
  public String anyOf(String column, Collection<String> list) {
    String[] all = list.toArray(String[]::new);
    if (all.length <= ARRAY_CHUNK) {
      return column + " = ANY(" + add(all) + ")";
    }
    StringBuilder sql = new StringBuilder("(");
    for (int from = 0; from < all.length; from += ARRAY_CHUNK) {
      String[] chunk = Arrays.copyOfRange(all, from, Math.min(all.length, from + ARRAY_CHUNK));
      sql.append(from == 0 ? "" : " OR ").append(column).append(" = ANY(").append(add(chunk)).append(")");
    }
    return sql.append(")").toString();
  }

  /**
   * A query of one column {@code x} with the distinct values of the list, for joining. PostgreSQL:
   * {@code SELECT DISTINCT u.x FROM UNNEST(:array) u(x)}, one array of any length. H2 caps arrays
   * at 65,536 elements and mis-evaluates a UNION of UNNESTs, so there each chunk of {@link
   * #ARRAY_CHUNK} values is a {@code TABLE(x VARCHAR = :array)} and the chunks are UNIONed.
   */
  public String unnest(Collection<String> list) {
    if (dialect == null) {
      throw new IllegalStateException("unnest needs the dialect: create the binds with one");
    }
    String[] all = list.toArray(String[]::new);
    if (dialect != Dialect.H2) {
      return "SELECT DISTINCT u.x FROM UNNEST(" + add(all) + ") u(x)";
    }
    StringBuilder sql = new StringBuilder();
    for (int from = 0; from < all.length; from += ARRAY_CHUNK) {
      String[] chunk = Arrays.copyOfRange(all, from, Math.min(all.length, from + ARRAY_CHUNK));
      sql.append(from == 0 ? "SELECT DISTINCT u.x" : " UNION SELECT u.x")
          .append(" FROM TABLE(x VARCHAR(4000) = ")
          .append(add(chunk))
          .append(") u");
    }
    return sql.toString();
  }

  public Map<String, Object> values() {
    return values;
  }
}
