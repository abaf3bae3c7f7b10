package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one renderer of sorting and paging. Nulls sort low: first ascending, last descending, on
 * every database. Camunda 7.24 writes a bare {@code col asc} and so inherits the database's order
 * (H2 sorts nulls low, PostgreSQL high); Tern fixes H2's order everywhere so a page is the same on
 * both. A tie-breaker (the id by default) always ends the list so paging is stable.
 */
public final class OrderBy {

  private OrderBy() {}

  /**
   * @param columns the sortable properties of a query and their column expressions
   * @param idColumn the unique tie-breaker, ascending
   */
  public static String render(List<Sorting> sortings, Map<String, String> columns, String idColumn) {
    return render(sortings, columns, idColumn, idColumn + " ASC");
  }

  /**
   * @param tieBreaker the order terms that end the list unless the id column was sorted on already
   */
  public static String render(
      List<Sorting> sortings, Map<String, String> columns, String idColumn, String tieBreaker) {
    List<String> keys = new ArrayList<>();
    boolean idSeen = false;
    if (sortings != null) {
      for (Sorting sorting : sortings) {
        String column = columns.get(sorting.property());
        if (column == null) {
          throw unknown(sorting.property());
        }
        idSeen |= column.equals(idColumn);
        keys.add(column + (sorting.ascending() ? " ASC NULLS FIRST" : " DESC NULLS LAST"));
      }
    }
    if (!idSeen) {
      keys.add(tieBreaker);
    }
    return " ORDER BY " + String.join(", ", keys);
  }

  /** The error Camunda reports for a {@code sortBy} value the query does not know. */
  public static InvalidRequestException unknown(String sortBy) {
    return new InvalidRequestException(
        "Cannot set query parameter 'sortBy' to value '" + sortBy + "'");
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
