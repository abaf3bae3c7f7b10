package dev.tern.engine.query;

import java.util.function.Function;

/**
 * A condition a query adds beyond its filters, such as the caller's authorizations: SQL over the
 * query's own alias, or null for none. {@code bind} registers a value and returns its placeholder
 * ({@code :name}).
 */
@FunctionalInterface
public interface Restriction {

  Restriction NONE = bind -> null;

  String sql(Function<Object, String> bind);

  /** Both conditions (either may be none). */
  default Restriction and(Restriction other) {
    return bind -> {
      String mine = sql(bind);
      String theirs = other.sql(bind);
      if (mine == null || theirs == null) {
        return mine == null ? theirs : mine;
      }
      return mine + " AND " + theirs;
    };
  }

  /** {@code " AND (…)"}, or empty for no condition. */
  default String andSql(Binds binds) {
    String sql = sql(binds::add);
    return sql == null ? "" : " AND " + sql;
  }
}
