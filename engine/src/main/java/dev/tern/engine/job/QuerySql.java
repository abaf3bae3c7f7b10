package dev.tern.engine.job;

import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A piece of SQL with its named binds, e.g. a query's id selection used as a sub-select by bulk
 * operations ({@code … WHERE id IN (<sql>)}). Bind names are unique per query object, so two
 * fragments from different queries can share one statement when they were built with different
 * prefixes.
 */
public record QuerySql(String sql, Map<String, Object> binds) {

  public QuerySql {
    binds = Map.copyOf(binds);
  }

  /** Binds every named parameter of this fragment onto the statement. */
  public <S extends SqlStatement<S>> S bindTo(S statement) {
    binds.forEach(statement::bind);
    return statement;
  }
}
