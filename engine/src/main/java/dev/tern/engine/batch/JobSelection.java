package dev.tern.engine.batch;

import dev.tern.engine.query.Binds;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.SqlFragment;
import java.util.ArrayList;
import java.util.List;

/**
 * The union of several ways to pick jobs (ids, jobs of process instances, queries), as one SELECT
 * of job ids. Parts keep their own bind names (id lists get {@code sel<n>}, queries their own
 * prefix) and are joined with {@link SqlFragment#join}, which refuses a clash instead of renaming.
 */
final class JobSelection {

  private final List<SqlFragment> parts = new ArrayList<>();

  boolean isEmpty() {
    return parts.isEmpty();
  }

  /** H2 refuses arrays of more than 65,536 elements; longer id lists become several parts. */
  private static final int MAX_ARRAY = 50_000;

  /** Jobs with these ids (ids that match no job are ignored). */
  JobSelection jobIds(List<String> ids) {
    return byArray("id", ids);
  }

  /** Jobs whose ids the sub-select returns. */
  JobSelection jobs(SqlFragment jobIds) {
    if (jobIds != null) {
      parts.add(jobIds.wrap("SELECT id FROM tern_job WHERE id IN (", ")"));
    }
    return this;
  }

  /** Every job of these process instances. */
  JobSelection jobsOfProcessInstances(List<String> processInstanceIds) {
    return byArray("process_instance_id", processInstanceIds);
  }

  /** Every job of the process instances whose ids the sub-select returns. */
  JobSelection jobsOfProcessInstances(SqlFragment processInstanceIds) {
    if (processInstanceIds != null) {
      parts.add(
          processInstanceIds.wrap("SELECT id FROM tern_job WHERE process_instance_id IN (", ")"));
    }
    return this;
  }

  private JobSelection byArray(String column, List<String> ids) {
    // an empty list adds nothing to the union (and, as in Camunda, counts as no selector)
    if (ids != null) {
      for (int from = 0; from < ids.size(); from += MAX_ARRAY) {
        Predicates where = new Predicates(new Binds("sel" + parts.size() + "_"));
        where.in(column, ids.subList(from, Math.min(ids.size(), from + MAX_ARRAY)));
        parts.add(where.fragment("SELECT id FROM tern_job WHERE " + where.and()));
      }
    }
    return this;
  }

  /** One SELECT of the union; duplicates are left to the statement that uses it. */
  SqlFragment sql() {
    return SqlFragment.join(" UNION ALL ", parts);
  }
}
