package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each JobQuery filter decides which of a few varied jobs match. */
@DatabaseTest
class JobQueryTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(NOW);
  private ProcessEngine engine;
  private Job plain;
  private Job timer;
  private Job failed;
  private Job suspendedTenant;

  JobQueryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void arrange() {
    JobTestSupport.clean(db);
    engine = engine(db, clock, handler((job, h) -> {})).build();
    plain = insert(engine, job("pi-1", Job.MESSAGE, null, 3, 0, "a", null, "def-1"));
    clock.advance(Duration.ofSeconds(1));
    timer =
        insert(engine, job("pi-2", Job.TIMER, NOW.plus(Duration.ofHours(1)), 3, 5, "b", null, "def-2"));
    clock.advance(Duration.ofSeconds(1));
    failed = insert(engine, job("pi-2", Job.MESSAGE, NOW.minusSeconds(10), 0, 10, "c", null, "def-2"));
    EngineInternals.database(engine)
        .useTransaction(
            h ->
                h.execute(
                    "UPDATE tern_job SET exception_message = 'boom', failed_activity_id = 'c',"
                        + " lock_owner = 'x', lock_expiration_time = ? WHERE id = ?",
                    NOW.plusSeconds(60),
                    failed.id()));
    suspendedTenant =
        insert(engine, job("pi-3", Job.MESSAGE, null, 1, 0, "a", "tenant-1", "def-1"));
    engine.jobService().setSuspended(suspendedTenant.id(), true);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void idFilters() {
    assertMatches(q -> q.jobId(plain.id()), plain);
    assertMatches(q -> q.jobIds(List.of(plain.id(), timer.id())), plain, timer);
    assertMatches(q -> q.jobIds(List.of()));
    assertMatches(q -> q.processInstanceId("pi-2"), timer, failed);
    assertMatches(q -> q.processInstanceIds(List.of("pi-1", "pi-3")), plain, suspendedTenant);
    assertMatches(q -> q.filters().set("executionId", "pi-1"), plain);
    assertMatches(q -> q.filters().set("processDefinitionId", "def-2:1"), timer, failed);
    assertMatches(q -> q.processDefinitionKey("def-1"), plain, suspendedTenant);
    assertMatches(q -> q.activityId("a"), plain, suspendedTenant);
    assertMatches(q -> q.jobDefinitionId("jd-b"), timer);
  }

  @Test
  void stateFilters() {
    assertMatches(JobQuery::withRetriesLeft, plain, timer, suspendedTenant);
    assertMatches(JobQuery::noRetriesLeft, failed);
    assertMatches(JobQuery::executable, plain, suspendedTenant);
    assertMatches(q -> q.filters().set("timers", true), timer);
    assertMatches(q -> q.filters().set("messages", true), plain, failed, suspendedTenant);
    assertMatches(JobQuery::withException, failed);
    assertMatches(q -> q.filters().set("exceptionMessage", "boom"), failed);
    assertMatches(q -> q.filters().set("failedActivityId", "c"), failed);
    assertMatches(JobQuery::suspended, suspendedTenant);
    assertMatches(JobQuery::active, plain, timer, failed);
    assertMatches(q -> q.filters().set("acquired", true), failed);
    assertMatches(q -> q.filters().set("withRetriesLeft", false), plain, timer, failed, suspendedTenant);
  }

  @Test
  void priorityTenantAndDateFilters() {
    assertMatches(q -> q.filters().set("priorityHigherThanOrEquals", 5L), timer, failed);
    assertMatches(q -> q.filters().set("priorityLowerThanOrEquals", 5L), plain, timer, suspendedTenant);
    assertMatches(q -> q.tenantIdIn(List.of("tenant-1")), suspendedTenant);
    assertMatches(
        q -> q.tenantIdIn(List.of("tenant-1")).filters().set("includeJobsWithoutTenantId", true),
        plain, timer, failed, suspendedTenant);
    assertMatches(q -> q.filters().set("withoutTenantId", true), plain, timer, failed);
    assertMatches(q -> q.dueDates(List.of(new DateCondition("gt", NOW))), timer);
    assertMatches(q -> q.dueDates(List.of(new DateCondition("lt", NOW))), failed);
    assertMatches(
        q -> q.filters().set("createTimes", List.of(new DateCondition("gt", NOW.plusMillis(500)))),
        timer, failed, suspendedTenant);
  }

  @Test
  void sortingAndPaging() {
    JobQuery byPriority = engine.jobService().createJobQuery().orderBy("jobPriority", false);
    assertThat(engine.jobService().listJobs(byPriority, 0, 2))
        .extracting(Job::id)
        .containsExactly(failed.id(), timer.id());
    assertThat(engine.jobService().listJobs(byPriority, 2, 10)).hasSize(2);
    assertThat(engine.jobService().countJobs(byPriority)).isEqualTo(4);
    assertThatThrownBy(() -> engine.jobService().createJobQuery().orderBy("nope", true))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Cannot set query parameter 'sortBy' to value 'nope'");
  }

  @Test
  void idsSqlServesAsSubSelectWithManyIdsInOneParameter() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      ids.add("missing-" + i);
    }
    ids.add(timer.id());
    SqlFragment sub = engine.jobService().createJobQuery().jobIds(ids).withRetriesLeft().idsSql();

    long matched =
        EngineInternals.database(engine)
            .withHandle(
                h ->
                    sub.bindTo(
                            h.createQuery(
                                "SELECT COUNT(*) FROM tern_job WHERE id IN (" + sub.sql() + ")"))
                        .mapTo(Long.class)
                        .one());

    assertThat(matched).isEqualTo(1);
  }

  @Test
  void jobDefinitionSuspensionCanIncludeItsJobs() {
    JobFixture.insert(
        engine,
        new JobDefinition(
                            "jd-b", "def-2:1", "def-2", "b", "async-continuation", "async-before",
                            false, null, null, null));

    assertThat(engine.jobService().setJobDefinitionSuspended("jd-b", true, true)).isTrue();

    assertThat(engine.jobService().getJobDefinition("jd-b").suspended()).isTrue();
    assertMatches(JobQuery::suspended, timer, suspendedTenant);
    assertThat(
            engine
                .jobService()
                .listJobDefinitions(
                    Caller.SYSTEM,
                    engine.jobService().createJobDefinitionQuery().set("activityIdIn", List.of("b")),
                    0,
                    10))
        .extracting(JobDefinition::id)
        .containsExactly("jd-b");
    assertThat(engine.jobService().setJobDefinitionSuspended("unknown", true, true)).isFalse();
  }

  private void assertMatches(Consumer<JobQuery> filter, Job... expected) {
    JobQuery query = engine.jobService().createJobQuery();
    filter.accept(query);
    assertThat(engine.jobService().listJobs(query, 0, 100))
        .extracting(Job::id)
        .containsExactlyInAnyOrder(java.util.Arrays.stream(expected).map(Job::id).toArray(String[]::new));
    assertThat(engine.jobService().countJobs(query)).isEqualTo(expected.length);
  }

  private Job job(
      String pi,
      String kind,
      Instant due,
      int retries,
      long priority,
      String activity,
      String tenant,
      String defKey) {
    return Job.builder()
        .id(engine.ids().next())
        .kind(kind)
        .handlerType(JobTestSupport.TYPE)
        .jobDefinitionId("jd-" + activity)
        .processInstanceId(pi)
        .executionId(pi)
        .processDefinitionId(defKey + ":1")
        .processDefinitionKey(defKey)
        .activityId(activity)
        .tenantId(tenant)
        .retries(retries)
        .dueDate(due)
        .createTime(clock.instant())
        .exclusive(true)
        .priority(priority)
        .build();
  }
}
