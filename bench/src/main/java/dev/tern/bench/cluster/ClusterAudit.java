package dev.tern.bench.cluster;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold after the faults: every instance finished (each answered start among them, none
 * that was never attempted), nothing left in the runtime tables, no job lock and no incident
 * anywhere, exactly one successful job-log entry per job and one history row per activity, every
 * downstream effect applied, and a duplicate downstream call only for a job a fault could have cut
 * short.
 */
final class ClusterAudit {

  /**
   * What the faults could have cut short: the jobs the killed and the frozen node held, and any run
   * that called the stub between {@code restartFrom} and {@code restartTo} (a lock duration before
   * the database went down until shortly after it was back).
   */
  record Faults(Set<String> killed, Set<String> frozen, Instant restartFrom, Instant restartTo) {

    boolean explain(String path, List<Instant> calls) {
      return killed.contains(path)
          || frozen.contains(path)
          || calls.stream().anyMatch(t -> !t.isBefore(restartFrom) && !t.isAfter(restartTo));
    }
  }

  private static final List<String> CALLS = List.of("callA", "callB");

  private final Sql sql;
  private final String key;
  private final ClusterReport.Builder report;

  ClusterAudit(Sql sql, String key, ClusterReport.Builder report) {
    this.sql = sql;
    this.key = key;
    this.report = report;
  }

  ClusterReport check(Feeder feeder, CountingStub stub, Faults faults) {
    Set<String> instances = instances(feeder);
    runtimeIsEmpty();
    jobLogAndHistory(instances.size());
    downstream(instances, stub, faults);
    return report.build();
  }

  private Set<String> instances(Feeder feeder) {
    Set<String> keys = new HashSet<>();
    long unfinished = 0;
    for (List<String> row :
        sql.rows("SELECT business_key, state FROM tern_hi_process_instance WHERE proc_def_key = ?", key)) {
      keys.add(row.get(0));
      if (!"COMPLETED".equals(row.get(1))) {
        unfinished++;
      }
    }
    report.count("instances", keys.size()).count("instances not completed", unfinished);
    if (unfinished > 0) {
      report.violation(unfinished + " instances did not complete");
    }
    Set<String> lost = new HashSet<>(feeder.started());
    lost.removeAll(keys);
    if (!lost.isEmpty()) {
      report.violation(lost.size() + " answered starts have no instance, e.g. " + lost.iterator().next());
    }
    Set<String> unexpected = new HashSet<>(keys);
    unexpected.removeAll(feeder.started());
    unexpected.removeAll(feeder.uncertain());
    if (!unexpected.isEmpty()) {
      report.violation(unexpected.size() + " instances nobody started, e.g. " + unexpected.iterator().next());
    }
    return keys;
  }

  private void runtimeIsEmpty() {
    expectNone("running instances of the process", "SELECT COUNT(*) FROM tern_process_instance WHERE proc_def_key = ?", key);
    expectNone("jobs of the process", "SELECT COUNT(*) FROM tern_job WHERE proc_def_key = ?", key);
    expectNone("locked jobs (any process)", "SELECT COUNT(*) FROM tern_job WHERE lock_owner IS NOT NULL");
    expectNone("open incidents (any process)", "SELECT COUNT(*) FROM tern_incident");
    expectNone("incidents ever raised for the process", "SELECT COUNT(*) FROM tern_hi_incident WHERE proc_def_key = ?", key);
  }

  private void jobLogAndHistory(int instances) {
    long successes = sql.count("SELECT COUNT(*) FROM tern_hi_job_log WHERE proc_def_key = ? AND job_state = 2", key);
    long failures = sql.count("SELECT COUNT(*) FROM tern_hi_job_log WHERE proc_def_key = ? AND job_state = 1", key);
    report.count("successful job runs (job log)", successes).count("failed job runs (job log)", failures);
    expectNone(
        "jobs without exactly one successful job-log entry",
        "SELECT COUNT(*) FROM (SELECT job_id FROM tern_hi_job_log WHERE proc_def_key = ? GROUP BY job_id"
            + " HAVING SUM(CASE WHEN job_state = 2 THEN 1 ELSE 0 END) <> 1) wrong",
        key);
    if (successes != 2L * instances) {
      report.violation(successes + " successful job runs for " + instances + " instances of two jobs each");
    }
    expectNone(
        "activities with other than one history row",
        "SELECT COUNT(*) FROM (SELECT process_instance_id, activity_id FROM tern_hi_activity_instance"
            + " WHERE proc_def_key = ? GROUP BY process_instance_id, activity_id HAVING COUNT(*) <> 1) wrong",
        key);
    long activities = sql.count("SELECT COUNT(*) FROM tern_hi_activity_instance WHERE proc_def_key = ?", key);
    if (activities != 4L * instances) {
      report.violation(activities + " history rows for " + instances + " instances of four activities each");
    }
  }

  private void downstream(Set<String> instances, CountingStub stub, Faults faults) {
    Map<String, List<Instant>> calls = stub.acceptedCalls();
    long missing = 0;
    long duplicates = 0;
    long unexplained = 0;
    for (String businessKey : instances) {
      for (String call : CALLS) {
        String path = call + "/" + businessKey;
        List<Instant> times = calls.getOrDefault(path, List.of());
        if (times.isEmpty()) {
          missing++;
        } else if (times.size() > 1) {
          duplicates += times.size() - 1;
          if (!faults.explain(path, times)) {
            unexplained += times.size() - 1;
            report.violation("duplicate call " + path + " at " + times + " with no fault to explain it");
          }
        }
      }
    }
    report
        .count("refused first calls (stub)", stub.refusedCalls())
        .count("duplicate downstream calls", duplicates)
        .count("duplicates no fault explains", unexplained)
        .count("downstream effects missing", missing);
    if (missing > 0) {
      report.violation(missing + " downstream calls never accepted");
    }
  }

  private void expectNone(String what, String query, Object... args) {
    long count = sql.count(query, args);
    if (count != 0) {
      report.violation(count + " " + what);
    }
  }
}
