package dev.tern.engine.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The union of several ways to pick rows of one table (ids, rows of process instances, queries), as
 * one SELECT of ids. Parts keep their own bind names (id lists get {@code sel<n>}, queries their
 * own prefix) and are joined with {@link SqlFragment#join}, which refuses a clash instead of
 * renaming.
 */
public final class IdSelection {

  /** H2 refuses arrays of more than 65,536 elements; longer id lists become several parts. */
  private static final int MAX_ARRAY = 50_000;

  private final String table;
  private final List<SqlFragment> parts = new ArrayList<>();

  private IdSelection(String table) {
    this.table = table;
  }

  /**
   * A selection of rows of {@code table}, which has an {@code id} and a {@code
   * process_instance_id} column.
   */
  public static IdSelection of(String table) {
    return new IdSelection(table);
  }

  public String table() {
    return table;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Rows with these ids (ids that match no row are ignored). */
  public IdSelection ids(List<String> ids) {
    return byArray("id", ids);
  }

  /** Rows whose ids the sub-select returns. */
  public IdSelection matching(SqlFragment ids) {
    if (ids != null) {
      parts.add(ids.wrap("SELECT id FROM " + table + " WHERE id IN (", ")"));
    }
    return this;
  }

  /** Every row of these process instances. */
  public IdSelection ofProcessInstances(List<String> processInstanceIds) {
    return byArray("process_instance_id", processInstanceIds);
  }

  /** Every row of the process instances whose ids the sub-select returns. */
  public IdSelection ofProcessInstances(SqlFragment processInstanceIds) {
    if (processInstanceIds != null) {
      parts.add(
          processInstanceIds.wrap(
              "SELECT id FROM " + table + " WHERE process_instance_id IN (", ")"));
    }
    return this;
  }

  private IdSelection byArray(String column, List<String> ids) {
    // an empty list adds nothing to the union (and, as in Camunda, counts as no selector)
    if (ids != null) {
      for (int from = 0; from < ids.size(); from += MAX_ARRAY) {
        Predicates where = new Predicates(new Binds("sel" + parts.size() + "_"));
        where.in(column, ids.subList(from, Math.min(ids.size(), from + MAX_ARRAY)));
        parts.add(where.fragment("SELECT id FROM " + table + " WHERE " + where.and()));
      }
    }
    return this;
  }

  /**
   * The selected rows' ids, each once. A single part is its own answer (it picks rows of the table,
   * whose ids are unique); a union of several is deduplicated through the table, a second scan.
   */
  public SqlFragment distinctIds() {
    return parts.size() == 1
        ? parts.get(0)
        : sql().wrap("SELECT s.id FROM " + table + " s WHERE s.id IN (", ")");
  }

  /** One SELECT of the union; duplicates are left to the statement that uses it. */
  public SqlFragment sql() {
    return SqlFragment.join(" UNION ALL ", parts);
  }
}
