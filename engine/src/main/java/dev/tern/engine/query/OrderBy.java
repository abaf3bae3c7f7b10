package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders sorting and paging. Nulls sort first ascending and last descending on every database,
 * and the id column is always the last key so paging is stable.
 */
public final class OrderBy {

  private OrderBy() {}

  /**
   * @param columns the sortable properties of a query and their column expressions
   * @param idColumn the unique tie-breaker
   */
  public static String render(List<Sorting> sortings, Map<String, String> columns, String idColumn) {
    List<String> keys = new ArrayList<>();
    boolean idSeen = false;
    if (sortings != null) {
      for (Sorting sorting : sortings) {
        String column = columns.get(sorting.property());
        if (column == null) {
          throw new InvalidRequestException(
              "Cannot set query parameter 'sortBy' to value '" + sorting.property() + "'");
        }
        idSeen |= column.equals(idColumn);
        keys.add(column + (sorting.ascending() ? " ASC NULLS FIRST" : " DESC NULLS LAST"));
      }
    }
    if (!idSeen) {
      keys.add(idColumn + " ASC");
    }
    return " ORDER BY " + String.join(", ", keys);
  }

  /** {@code OFFSET … ROWS FETCH NEXT … ROWS ONLY} (standard SQL, on H2 and PostgreSQL). */
  public static String page(Page page) {
    if (page == null) {
      return "";
    }
    String sql = page.firstResult() > 0 ? " OFFSET " + page.firstResult() + " ROWS" : "";
    if (page.maxResults() != null) {
      sql += " FETCH NEXT " + page.maxResults() + " ROWS ONLY";
    }
    return sql;
  }
}
