package dev.tern.bench.tasks;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Open tasks for the task-query benchmark, written set-based ({@code INSERT … SELECT … FROM
 * generate_series}) in the columns {@code TaskStore} writes: standalone tasks (no process) created
 * one second apart, 30% assigned to one of 1,000 users, each a candidate of one of 20 groups
 * (skewed: {@code group-00} 25%, {@code group-19} 0.5%), every third also of a second group, every
 * tenth also of a candidate user; users {@code user-0}…{@code user-99} are members of two groups.
 */
final class TaskSeed {

  static final String ID_PREFIX = "bench-task-";

  private TaskSeed() {}

  static boolean seeded(Handle handle) {
    return handle
        .createQuery("SELECT COUNT(*) FROM tern_task WHERE id LIKE '" + ID_PREFIX + "%'")
        .mapTo(Long.class)
        .one()
        > 0;
  }

  /** Writes {@code tasks} tasks created from {@code base} on; returns the rows written. */
  static long seed(Handle handle, int tasks, Instant base) {
    long rows =
        handle
            .createUpdate(
                "INSERT INTO tern_task (id, name, description, assignee, priority, create_time,"
                    + " due_date, task_def_key, task_state)"
                    + " SELECT '" + ID_PREFIX + "' || g, 'Task ' || (g % 50), 'Check request ' || g,"
                    + " CASE WHEN g % 10 < 3 THEN 'user-' || (g * 7 % 1000) END,"
                    + " (g * 37) % 100,"
                    + " CAST(:base AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '1 second',"
                    + " CASE WHEN g % 4 = 0 THEN CAST(:base AS TIMESTAMP WITH TIME ZONE) + (g + 86400 * 3) * INTERVAL '1 second' END,"
                    + " 'review' || (g % 5), 'Created'"
                    + " FROM generate_series(1, :n) g")
            .bind("base", java.sql.Timestamp.from(base))
            .bind("n", tasks)
            .execute();
    rows +=
        handle
            .createUpdate(
                "INSERT INTO tern_task_identity_link (id, task_id, link_type, user_id, group_id)"
                    + " SELECT 'bench-link-' || g, '" + ID_PREFIX + "' || g, 'candidate', NULL,"
                    + " 'group-' || LPAD(CAST(" + skewedGroup("g") + " AS VARCHAR), 2, '0')"
                    + " FROM generate_series(1, :n) g")
            .bind("n", tasks)
            .execute();
    rows +=
        handle
            .createUpdate(
                "INSERT INTO tern_task_identity_link (id, task_id, link_type, user_id, group_id)"
                    + " SELECT 'bench-link2-' || g, '" + ID_PREFIX + "' || g, 'candidate', NULL,"
                    + " 'group-' || LPAD(CAST((g / 3) % 20 AS VARCHAR), 2, '0')"
                    + " FROM generate_series(3, :n, 3) g")
            .bind("n", tasks)
            .execute();
    rows +=
        handle
            .createUpdate(
                "INSERT INTO tern_task_identity_link (id, task_id, link_type, user_id, group_id)"
                    + " SELECT 'bench-link3-' || g, '" + ID_PREFIX + "' || g, 'candidate',"
                    + " 'user-' || (g % 1000), NULL FROM generate_series(10, :n, 10) g")
            .bind("n", tasks)
            .execute();
    rows +=
        handle
            .createUpdate(
                "INSERT INTO tern_group_member (user_id, group_id)"
                    + " SELECT 'user-' || u, 'group-' || LPAD(CAST(u % 20 AS VARCHAR), 2, '0')"
                    + " FROM generate_series(0, 99) u"
                    + " UNION ALL SELECT 'user-' || u, 'group-' || LPAD(CAST((u + 7) % 20 AS VARCHAR), 2, '0')"
                    + " FROM generate_series(0, 99) u")
            .execute();
    return rows;
  }

  /**
   * Group number 0–19 of task {@code g}: 0 for a quarter of the tasks, 19 for 0.5%, the rest spread
   * over 1–18.
   */
  private static String skewedGroup(String g) {
    return "CASE WHEN " + g + " % 200 = 0 THEN 19 WHEN " + g + " % 4 = 0 THEN 0 ELSE 1 + " + g
        + " % 18 END";
  }

  /** Removes what {@link #seed} wrote. */
  static void remove(Handle handle) {
    handle.execute("DELETE FROM tern_task_identity_link WHERE task_id LIKE '" + ID_PREFIX + "%'");
    handle.execute("DELETE FROM tern_task WHERE id LIKE '" + ID_PREFIX + "%'");
    handle.execute("DELETE FROM tern_group_member WHERE user_id LIKE 'user-%' AND group_id LIKE 'group-%'");
  }
}
