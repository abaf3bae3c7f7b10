package dev.tern.engine.batch;

import dev.tern.engine.job.QuerySql;
import dev.tern.engine.query.SqlFragment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The union of several ways to pick jobs (ids, jobs of process instances, queries), as one SELECT
 * of job ids. Each part's parameters are renamed with a prefix of its own, so parts never clash.
 */
final class JobSelection {

  private final List<String> parts = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  boolean isEmpty() {
    return parts.isEmpty();
  }

  /** H2 refuses arrays of more than 65,536 elements; longer id lists become several parts. */
  private static final int MAX_ARRAY = 50_000;

  /** Jobs with these ids (ids that match no job are ignored). */
  JobSelection jobIds(List<String> ids) {
    return byArray("SELECT id FROM tern_job WHERE id = ANY(:ids)", ids);
  }

  /** Jobs whose ids the sub-select returns. */
  JobSelection jobs(QuerySql jobIds) {
    if (jobIds != null) {
      add("SELECT id FROM tern_job WHERE id IN (" + jobIds.sql() + ")", jobIds.binds());
    }
    return this;
  }

  /** Every job of these process instances. */
  JobSelection jobsOfProcessInstances(List<String> processInstanceIds) {
    return byArray("SELECT id FROM tern_job WHERE process_instance_id = ANY(:ids)", processInstanceIds);
  }

  private JobSelection byArray(String sql, List<String> ids) {
    if (ids != null) {
      for (int from = 0; from < ids.size(); from += MAX_ARRAY) {
        List<String> part = ids.subList(from, Math.min(ids.size(), from + MAX_ARRAY));
        add(sql, Map.of("ids", part.toArray(String[]::new)));
      }
    }
    return this;
  }

  /** Every job of the process instances whose ids the sub-select returns. */
  JobSelection jobsOfProcessInstances(SqlFragment processInstanceIds) {
    if (processInstanceIds != null) {
      add(
          "SELECT id FROM tern_job WHERE process_instance_id IN (" + processInstanceIds.sql() + ")",
          processInstanceIds.binds());
    }
    return this;
  }

  /** One SELECT of the union; duplicates are left to the statement that uses it. */
  String sql() {
    return String.join(" UNION ALL ", parts);
  }

  <S extends SqlStatement<S>> S bind(S statement) {
    return new SqlFragment(sql(), params).bindTo(statement);
  }

  private void add(String sql, Map<String, Object> partParams) {
    String prefix = "p" + parts.size() + "_";
    String renamed = sql;
    // longest names first, so ":ids" never rewrites part of ":idsX"
    List<String> names = new ArrayList<>(partParams.keySet());
    names.sort((a, b) -> b.length() - a.length());
    for (String name : names) {
      renamed = renamed.replaceAll(":" + name + "\\b", ":" + prefix + name);
      params.put(prefix + name, partParams.get(name));
    }
    parts.add(renamed);
  }
}
