package dev.tern.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Sorting;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableOperator;
import dev.tern.engine.runtime.InstanceFixture;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.VariableStore;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class HistoricProcessInstanceQueryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final Database database;
  private final Dialect dialect;
  private final HistoricProcessInstanceService store;
  private String openIncident;

  HistoricProcessInstanceQueryTest(TestDatabase db) {
    this.database = db.database();
    this.dialect = db.dialect();
    this.store = new HistoricProcessInstanceService(database);
  }

  private static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  /**
   * h1 running ACTIVE invoice:1 bk-1 (T0): active task1, amount=100, open failedJob incident, a
   * retrying job. h2 running SUSPENDED invoice:2 bk-2 tenant t1 (T0+1h): finished activity done
   * (T0+1h). h3 COMPLETED order:1 other tenant t2 (T0+2h..3h): resolved custom incident. h4
   * EXTERNALLY_TERMINATED order:1 no business key (T0+3h..4h): job log at T0+3h30.
   */
  @BeforeEach
  void data() {
    InstanceFixture fixture = new InstanceFixture(database);
    fixture.clear();
    fixture.instance("h1", "invoice:1", "invoice", "bk-1", null, false, null, at(0));
    fixture.instance("h2", "invoice:2", "invoice", "bk-2", "t1", true, null, at(1));
    fixture.endedInstance("h3", "order:1", "order", "other", "t2", "COMPLETED", at(2), at(3));
    fixture.endedInstance("h4", "order:1", "order", null, null, "EXTERNALLY_TERMINATED", at(3), at(4));
    fixture.activity("h1", "task1", at(0), null);
    fixture.activity("h2", "done", at(1), at(1));
    openIncident = fixture.incident("h1", "failedJob", "boom", "task1");
    fixture.historicIncident("h3", "custom", "bad thing", 1);
    fixture.job("h1", 2, "failed once");
    fixture.jobLog("h4", at(3).plus(Duration.ofMinutes(30)));
    VariableStore variables = new VariableStore(Clock.systemUTC(), new Ids(Clock.systemUTC()));
    database.useTransaction(
        h -> {
          variables.setAll(h, "h1", Map.of("amount", TypedValue.fromJava(100L)));
          variables.setAll(h, "h2", Map.of("amount", TypedValue.fromJava(5), "gone", TypedValue.fromJava(1)));
          variables.delete(h, "h2", List.of("gone"));
        });
  }

  private List<String> ids(UnaryOperator<HistoricProcessInstanceQuery.Builder> filter) {
    HistoricProcessInstanceQuery query =
        filter.apply(HistoricProcessInstanceQuery.builder()).build();
    List<String> ids =
        store.list(query, Page.ALL).stream()
            .map(HistoricProcessInstance::id)
            .toList();
    long count = store.count(query);
    assertThat(count).isEqualTo(ids.size());
    SqlFragment idsSql = query.idsSql(dialect);
    List<String> selected =
        database.withHandle(
            h -> idsSql.bindTo(h.createQuery(idsSql.sql())).mapTo(String.class).list());
    assertThat(selected).containsExactlyInAnyOrderElementsOf(ids);
    return ids;
  }

  @Test
  void idAndDefinitionFilters() {
    assertThat(ids(q -> q)).containsExactly("h1", "h2", "h3", "h4");
    assertThat(ids(q -> q.set("processInstanceId", "h2"))).containsExactly("h2");
    assertThat(ids(q -> q.set("processInstanceIds", List.of("h2", "h3", "x")))).containsExactly("h2", "h3");
    assertThat(ids(q -> q.set("processInstanceIdNotIn", List.of("h2", "h3")))).containsExactly("h1", "h4");
    assertThat(ids(q -> q.set("processDefinitionId", "invoice:2"))).containsExactly("h2");
    assertThat(ids(q -> q.set("processDefinitionKey", "order"))).containsExactly("h3", "h4");
    assertThat(ids(q -> q.set("processDefinitionKeyIn", List.of("order", "x")))).containsExactly("h3", "h4");
    assertThat(ids(q -> q.set("processDefinitionKeyNotIn", List.of("order")))).containsExactly("h1", "h2");
    assertThat(ids(q -> q.set("processDefinitionName", "order name"))).containsExactly("h3", "h4");
    assertThat(ids(q -> q.set("processDefinitionNameLike", "inv%"))).containsExactly("h1", "h2");
  }

  @Test
  void businessKeyFilters() {
    assertThat(ids(q -> q.set("processInstanceBusinessKey", "bk-2"))).containsExactly("h2");
    assertThat(ids(q -> q.set("processInstanceBusinessKeyIn", List.of("bk-1", "other")))).containsExactly("h1", "h3");
    assertThat(ids(q -> q.set("processInstanceBusinessKeyLike", "bk%"))).containsExactly("h1", "h2");
  }

  @Test
  void lifecycleFilters() {
    assertThat(ids(q -> q.set("finished", true))).containsExactly("h3", "h4");
    assertThat(ids(q -> q.set("unfinished", true))).containsExactly("h1", "h2");
    assertThat(ids(q -> q.set("active", true))).containsExactly("h1");
    assertThat(ids(q -> q.set("suspended", true))).containsExactly("h2");
    assertThat(ids(q -> q.set("completed", true))).containsExactly("h3");
    assertThat(ids(q -> q.set("externallyTerminated", true))).containsExactly("h4");
    assertThat(ids(q -> q.set("internallyTerminated", true))).isEmpty();
    assertThatThrownBy(() -> ids(q -> q.set("active", true).set("completed", true)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Already querying for historic process instance with another state");
  }

  @Test
  void timeFilters() {
    assertThat(ids(q -> q.set("startedBefore", at(1)))).containsExactly("h1", "h2");
    assertThat(ids(q -> q.set("startedAfter", at(2)))).containsExactly("h3", "h4");
    assertThat(ids(q -> q.set("finishedBefore", at(3)))).containsExactly("h3");
    assertThat(ids(q -> q.set("finishedAfter", at(3).plusSeconds(1)))).containsExactly("h4");
    assertThat(ids(q -> q.set("executedActivityAfter", at(1)))).containsExactly("h2");
    assertThat(ids(q -> q.set("executedActivityBefore", at(0)))).containsExactly("h1");
    assertThat(ids(q -> q.set("executedJobAfter", at(3)))).containsExactly("h4");
    assertThat(ids(q -> q.set("executedJobBefore", at(3)))).isEmpty();
  }

  @Test
  void incidentAndJobFilters() {
    assertThat(ids(q -> q.set("withIncidents", true))).containsExactly("h1", "h3");
    assertThat(ids(q -> q.set("withRootIncidents", true))).containsExactly("h1", "h3");
    assertThat(ids(q -> q.set("incidentStatus", "open"))).containsExactly("h1");
    assertThat(ids(q -> q.set("incidentStatus", "resolved"))).containsExactly("h3");
    assertThat(ids(q -> q.set("incidentType", "custom"))).containsExactly("h3");
    assertThat(ids(q -> q.set("incidentMessage", "boom"))).containsExactly("h1");
    assertThat(ids(q -> q.set("incidentMessageLike", "%thing"))).containsExactly("h3");
    assertThat(ids(q -> q.set("incidentIdIn", List.of(openIncident)))).containsExactly("h1");
    assertThat(ids(q -> q.set("withJobsRetrying", true))).containsExactly("h1");
    assertThatThrownBy(() -> ids(q -> q.set("incidentStatus", "bogus")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void activityTenantAndStarterFilters() {
    assertThat(ids(q -> q.set("activeActivityIdIn", List.of("task1")))).containsExactly("h1");
    assertThat(ids(q -> q.set("executedActivityIdIn", List.of("done")))).containsExactly("h2");
    assertThat(ids(q -> q.set("activityIdIn", List.of("task1")))).containsExactly("h1");
    assertThat(ids(q -> q.set("tenantIdIn", List.of("t1", "t2")))).containsExactly("h2", "h3");
    assertThat(ids(q -> q.set("withoutTenantId", true))).containsExactly("h1", "h4");
    assertThat(ids(q -> q.set("startedBy", "user-h3"))).containsExactly("h3");
    assertThat(ids(q -> q.set("rootProcessInstances", true))).containsExactly("h1", "h2", "h3", "h4");
    assertThat(ids(q -> q.set("caseInstanceId", "c"))).isEmpty();
  }

  @Test
  void variableFiltersIgnoreDeletedVariables() {
    assertThat(
            ids(q -> q.set("variables", List.of(VariableCondition.of("amount", VariableOperator.LT, 50)))))
        .containsExactly("h2");
    assertThat(
            ids(q -> q.set("variables", List.of(VariableCondition.of("gone", VariableOperator.EQ, 1)))))
        .isEmpty();
  }

  @Test
  void orQueriesSortingAndPaging() {
    HistoricProcessInstanceQuery either =
        HistoricProcessInstanceQuery.builder().set("completed", true).set("processInstanceBusinessKey", "bk-1").build();
    assertThat(ids(q -> q.orQueries(List.of(either)))).containsExactly("h1", "h3");
    assertThat(ids(q -> q.sorting(List.of(Sorting.desc("startTime"))))).containsExactly("h4", "h3", "h2", "h1");
    assertThat(ids(q -> q.sorting(List.of(Sorting.asc("endTime"), Sorting.desc("instanceId")))))
        .containsExactly("h2", "h1", "h3", "h4");
    assertThat(ids(q -> q.sorting(List.of(Sorting.desc("duration"))))).containsExactly("h3", "h4", "h1", "h2");
    HistoricProcessInstanceQuery byStart =
        HistoricProcessInstanceQuery.builder().sorting(List.of(Sorting.asc("startTime"))).build();
    List<String> page =
        store.list(byStart, new Page(2, 5)).stream()
            .map(HistoricProcessInstance::id)
            .toList();
    assertThat(page).containsExactly("h3", "h4");
  }
}
