package dev.tern.engine.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of a statistics statement: the counts of a subject (a definition or an activity) and at
 * most one incident type with its count. A subject with several incident types comes as several
 * rows in a row, which {@link #fold} merges.
 */
record CountRow<T>(T subject, int instances, int failedJobs, List<IncidentCount> incidents) {

  /** Reads the columns {@code instance_count}, {@code failed_jobs}, {@code incident_type/count}. */
  static <T> CountRow<T> read(ResultSet rs, T subject) throws SQLException {
    String type = rs.getString("incident_type");
    return new CountRow<>(
        subject,
        rs.getInt("instance_count"),
        rs.getInt("failed_jobs"),
        type == null ? List.of() : List.of(new IncidentCount(type, rs.getInt("incident_count"))));
  }

  /** One row per subject (by {@code key}, in the rows' order) with all its incident types. */
  static <T> List<CountRow<T>> fold(List<CountRow<T>> rows, Function<T, String> key) {
    Map<String, CountRow<T>> merged = new LinkedHashMap<>();
    for (CountRow<T> row : rows) {
      merged.merge(
          key.apply(row.subject()),
          row,
          (a, b) -> {
            List<IncidentCount> incidents = new ArrayList<>(a.incidents());
            incidents.addAll(b.incidents());
            return new CountRow<>(a.subject(), a.instances(), a.failedJobs(), List.copyOf(incidents));
          });
    }
    return List.copyOf(merged.values());
  }
}
