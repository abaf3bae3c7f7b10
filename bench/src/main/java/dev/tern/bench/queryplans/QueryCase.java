package dev.tern.bench.queryplans;

import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/**
 * One filter to measure: the engine's own id selection ({@code SELECT <id> FROM … WHERE …}) and its
 * binds. The count is the same statement with {@code COUNT(*)} selected, exactly as the engine's
 * count queries are built.
 *
 * @param entity what is queried, e.g. {@code process-instance}
 * @param filter the filter in Camunda's REST terms, e.g. {@code processDefinitionKey=process-00}
 * @param idsSql the engine's id selection
 * @param binder binds the selection's named parameters
 */
record QueryCase(String entity, String filter, String idsSql, Consumer<Query> binder) {

  QueryCase {
    if (!idsSql.startsWith("SELECT ") || !idsSql.contains(" FROM ")) {
      throw new IllegalArgumentException("not an id selection: " + idsSql);
    }
  }

  /** {@code SELECT COUNT(*) FROM …}: the selection's FROM/WHERE with a count. */
  String countSql() {
    return "SELECT COUNT(*)" + idsSql.substring(idsSql.indexOf(" FROM "));
  }

  String key() {
    return entity + " | " + filter;
  }
}
