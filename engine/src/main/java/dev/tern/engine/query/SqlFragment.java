package dev.tern.engine.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A piece of SQL with its named binds ({@code :name}). Values are plain JDBC values, {@code
 * java.time.Instant}s, or {@code String[]} arrays (bound as one SQL array parameter, compared with
 * {@code = ANY(:name)}, so id lists of any length cost one parameter).
 *
 * <p>Query compilers hand these out so other statements can embed them, e.g. {@code INSERT INTO
 * tern_batch_item … SELECT … FROM (<idsSql>) ids}. Bind names of one compiled query are unique and
 * carry the query's prefix; embedders should not use names with that prefix.
 */
public record SqlFragment(String sql, Map<String, Object> binds) {

  public SqlFragment {
    binds = Collections.unmodifiableMap(new LinkedHashMap<>(binds));
  }

  /** Binds every value of this fragment on a statement that contains its SQL. */
  public <S extends SqlStatement<S>> S bindTo(S statement) {
    for (Map.Entry<String, Object> bind : binds.entrySet()) {
      if (bind.getValue() instanceof String[] array) {
        statement.bindArray(bind.getKey(), String.class, (Object[]) array);
      } else {
        statement.bindByType(
            bind.getKey(),
            bind.getValue(),
            bind.getValue() == null ? Object.class : bind.getValue().getClass());
      }
    }
    return statement;
  }
}
