package dev.tern.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricProcessInstance;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.RuntimeProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Builds varied data through the engine, then checks for hundreds of generated queries that the
 * engine selects exactly the ids a plain-Java evaluation of the same query selects, through its
 * list, its count and the id sub-select that bulk operations embed. The seed is printed; rerun a
 * failure with {@code -Dtern.queries.seed=<seed>}.
 */
@DatabaseTest
class QueryEquivalenceTest {

  private static final long DEFAULT_SEED = 20261130L;
  private static final int QUERIES_PER_KIND = 150;

  private final TestDatabase db;

  QueryEquivalenceTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void engineSelectsWhatThePlainJavaEvaluationSelects() {
    long seed = Long.getLong("tern.queries.seed", DEFAULT_SEED);
    System.out.println("QueryEquivalenceTest seed=" + seed + " (" + db.dialect() + ")");
    Random random = new Random(seed);
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-05T08:00:00Z"));
    try (ProcessEngine engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .beans(Map.of("charge", VarietyData.CHARGE))
            .build()) {
      long started = System.nanoTime();
      new VarietyData(engine, clock, random).build();
      System.out.printf("QueryEquivalenceTest: data built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();
      QuerySnapshot data = QuerySnapshot.read(db.database());
      RandomQueries queries = new RandomQueries(random, data);
      List<String> mismatches = new ArrayList<>();
      int selected = 0;
      for (int i = 0; i < QUERIES_PER_KIND; i++) {
        selected += checkInstances(engine, data, queries.processInstanceQuery(), mismatches);
        selected += checkHistory(engine, data, queries.historicQuery(), mismatches);
        selected += checkJobs(engine, data, clock, queries, mismatches);
      }
      System.out.printf("QueryEquivalenceTest: queries checked in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      System.out.printf(
          "QueryEquivalenceTest: %d instances, %d historic, %d jobs, %d incidents;"
              + " %d queries selected %d rows%n",
          data.instances().size(),
          data.historicInstances().size(),
          data.jobs().size(),
          data.incidents().size(),
          3 * QUERIES_PER_KIND,
          selected);
      assertThat(mismatches).as("seed " + seed).isEmpty();
      assertThat(selected).as("the queries select something").isGreaterThan(QUERIES_PER_KIND);
    }
  }

  private int checkInstances(
      ProcessEngine engine, QuerySnapshot data, ProcessInstanceQuery query, List<String> mismatches) {
    Set<String> expected = new ProcessInstanceQueryModel(data).ids(query);
    Set<String> actual =
        engine.processInstances().list(query, Page.ALL).stream()
            .map(RuntimeProcessInstance::id)
            .collect(Collectors.toSet());
    compare("process instances", query, expected, actual, engine.processInstances().count(query), mismatches);
    compare("process instance ids (bulk selector)", query, expected, ids(query.idsSql(db.dialect())), expected.size(), mismatches);
    return expected.size();
  }

  private int checkHistory(
      ProcessEngine engine,
      QuerySnapshot data,
      HistoricProcessInstanceQuery query,
      List<String> mismatches) {
    Set<String> expected = new HistoricProcessInstanceQueryModel(data).ids(query);
    Set<String> actual =
        engine.historicProcessInstances().list(query, Page.ALL).stream()
            .map(HistoricProcessInstance::id)
            .collect(Collectors.toSet());
    compare(
        "historic instances",
        query,
        expected,
        actual,
        engine.historicProcessInstances().count(query),
        mismatches);
    compare("historic instance ids (bulk selector)", query, expected, ids(query.idsSql(db.dialect())), expected.size(), mismatches);
    return expected.size();
  }

  private int checkJobs(
      ProcessEngine engine,
      QuerySnapshot data,
      MutableClock clock,
      RandomQueries queries,
      List<String> mismatches) {
    JobQuery query = engine.jobService().createJobQuery();
    queries.jobFilters(query);
    Set<String> expected = new JobQueryModel(data).ids(query, clock.instant());
    Set<String> actual =
        engine.jobService().listJobs(query, 0, Integer.MAX_VALUE).stream()
            .map(Job::id)
            .collect(Collectors.toSet());
    compare(
        "jobs",
        query.filters().values(),
        expected,
        actual,
        engine.jobService().countJobs(query),
        mismatches);
    SqlFragment selector = query.idsSql();
    compare(
        "job ids (bulk selector)",
        query.filters().values(),
        expected,
        ids(new SqlFragment(selector.sql(), selector.binds())),
        expected.size(),
        mismatches);
    return expected.size();
  }

  /** What a bulk operation selects: the query's id sub-select run on its own. */
  private Set<String> ids(SqlFragment selector) {
    return db.database()
        .withHandle(
            h -> new HashSet<>(selector.bindTo(h.createQuery(selector.sql())).mapTo(String.class).list()));
  }

  private static void compare(
      String kind,
      Object query,
      Set<String> expected,
      Set<String> actual,
      long count,
      List<String> mismatches) {
    if (expected.equals(actual) && count == expected.size()) {
      return;
    }
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new HashSet<>(actual);
    extra.removeAll(expected);
    mismatches.add(
        kind + " " + query + "\n  missing " + missing + "\n  extra " + extra + "\n  count " + count
            + " expected " + expected.size());
  }
}
