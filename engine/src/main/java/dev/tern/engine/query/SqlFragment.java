package dev.tern.engine.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A piece of SQL with its named binds ({@code :name}). Values are plain JDBC values, {@code
 * java.time.Instant}s, or {@code String[]} arrays (bound as one SQL array parameter, compared with
 * {@code = ANY(:name)}, so id lists of any length cost one parameter).
 *
 * <p>Query compilers hand these out so other statements can embed them, e.g. {@code INSERT INTO
 * tern_batch_chunk … SELECT … FROM (<idsSql>) ids}. Bind names of one compiled query are unique and
 * carry the query's prefix; embedders should not use names with that prefix. Fragments compose with
 * {@link #join} and {@link #wrap}: the SQL text is never rewritten, and a bind name used by two
 * fragments is refused rather than renamed.
 */
public record SqlFragment(String sql, Map<String, Object> binds) {

  public SqlFragment {
    binds = Collections.unmodifiableMap(new LinkedHashMap<>(binds));
  }

  /** This fragment's SQL inside {@code before … after}, with the same binds. */
  public SqlFragment wrap(String before, String after) {
    return new SqlFragment(before + sql + after, binds);
  }

  /**
   * The fragments' SQL joined with {@code separator} and all their binds.
   *
   * @throws IllegalArgumentException if two fragments use the same bind name (compile them with
   *     different prefixes)
   */
  public static SqlFragment join(String separator, List<SqlFragment> parts) {
    Map<String, Object> all = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder();
    for (SqlFragment part : parts) {
      for (Map.Entry<String, Object> bind : part.binds.entrySet()) {
        if (all.containsKey(bind.getKey())) {
          throw new IllegalArgumentException(
              "Bind name '" + bind.getKey() + "' is used by two fragments of one statement");
        }
        all.put(bind.getKey(), bind.getValue());
      }
      sql.append(sql.length() == 0 ? "" : separator).append(part.sql);
    }
    return new SqlFragment(sql.toString(), all);
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
