package dev.tern.engine.runtime;

import dev.tern.engine.query.Listing;
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
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class ProcessInstanceQueryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final Database database;
  private final Dialect dialect;
  private final Listing<RuntimeProcessInstance> store;
  private final VariableStore variables =
      new VariableStore(Clock.systemUTC(), new Ids(Clock.systemUTC()));
  private InstanceFixture fixture;
  private String incident2;

  ProcessInstanceQueryTest(TestDatabase db) {
    this.database = db.database();
    this.dialect = db.dialect();
    this.store = new Listing<>(database, ProcessInstanceQuery.COLUMNS, ProcessInstanceStore.MAPPER);
  }

  /**
   * pi1 invoice:1 bk-1, no tenant, active, at task1; vars amount=100L name=Alice flag=true
   * when=2025-01-01 ratio=0.5. pi2 invoice:2 bk-2, tenant t1, suspended, at task2, failedJob
   * incident "boom"; vars amount=5 name=bob. pi3 order:1 "other", tenant t2, sub-instance of pi1,
   * at task1, custom incident "bad thing"; vars amount=99.5 name=null. pi4 order:1, no business
   * key, no tenant, no variables.
   */
  @BeforeEach
  void data() {
    fixture = new InstanceFixture(database);
    fixture.clear();
    fixture.definition("invoice:1", "invoice", "dep1", null);
    fixture.definition("invoice:2", "invoice", "dep2", "t1");
    fixture.definition("order:1", "order", "dep1", null);
    fixture.instance("pi1", "invoice:1", "invoice", "bk-1", null, false, null, T0);
    fixture.instance("pi2", "invoice:2", "invoice", "bk-2", "t1", true, null, T0);
    fixture.instance("pi3", "order:1", "order", "other", "t2", false, "pi1", T0);
    fixture.instance("pi4", "order:1", "order", null, null, false, null, T0);
    fixture.execution("pi1", "task1");
    fixture.execution("pi2", "task2");
    fixture.execution("pi3", "task1");
    incident2 = fixture.incident("pi2", "failedJob", "boom", "task2");
    fixture.incident("pi3", "custom", "bad thing", "task1");
    database.useTransaction(
        h -> {
          variables.setAll(
              h,
              "pi1",
              Map.of(
                  "amount", TypedValue.fromJava(100L),
                  "name", TypedValue.fromJava("Alice"),
                  "flag", TypedValue.fromJava(true),
                  "when", TypedValue.fromJava(Instant.parse("2025-01-01T00:00:00Z")),
                  "ratio", TypedValue.fromJava(0.5)));
          variables.setAll(
              h, "pi2", Map.of("amount", TypedValue.fromJava(5), "name", TypedValue.fromJava("bob")));
          variables.setAll(
              h,
              "pi3",
              Map.of("amount", TypedValue.fromJava(99.5), "name", TypedValue.nullValue()));
        });
  }

  private List<String> ids(UnaryOperator<ProcessInstanceQuery.Builder> filter) {
    ProcessInstanceQuery query = filter.apply(ProcessInstanceQuery.builder()).build();
    List<String> ids =
        store.list(query.filters(), Page.ALL).stream()
            .map(RuntimeProcessInstance::id)
            .toList();
    long count = store.count(query.filters());
    assertThat(count).isEqualTo(ids.size());
    return ids;
  }

  private static VariableCondition var(String name, VariableOperator op, Object value) {
    return VariableCondition.of(name, op, value);
  }

  @Test
  void noFilterSelectsAllOrderedById() {
    assertThat(ids(q -> q)).containsExactly("pi1", "pi2", "pi3", "pi4");
  }

  @Test
  void definitionFilters() {
    assertThat(ids(q -> q.set("processDefinitionKey", "order"))).containsExactly("pi3", "pi4");
    assertThat(ids(q -> q.set("processDefinitionId", "invoice:2"))).containsExactly("pi2");
    assertThat(ids(q -> q.set("processDefinitionKeyIn", List.of("order", "nope")))).containsExactly("pi3", "pi4");
    assertThat(ids(q -> q.set("processDefinitionKeyNotIn", List.of("order")))).containsExactly("pi1", "pi2");
    assertThat(ids(q -> q.set("deploymentId", "dep2"))).containsExactly("pi2");
    assertThat(ids(q -> q.set("deploymentId", "dep1"))).containsExactly("pi1", "pi3", "pi4");
    assertThat(ids(q -> q.set("processDefinitionWithoutTenantId", true)))
        .containsExactly("pi1", "pi3", "pi4");
  }

  @Test
  void businessKeyFilters() {
    assertThat(ids(q -> q.set("businessKey", "bk-2"))).containsExactly("pi2");
    assertThat(ids(q -> q.set("businessKeyLike", "bk-%"))).containsExactly("pi1", "pi2");
  }

  @Test
  void idFilters() {
    assertThat(ids(q -> q.set("processInstanceIds", List.of("pi4", "pi2", "missing")))).containsExactly("pi2", "pi4");
    assertThatThrownBy(() -> ids(q -> q.set("processInstanceIds", List.of())))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void suspensionFilters() {
    assertThat(ids(q -> q.set("active", true))).containsExactly("pi1", "pi3", "pi4");
    assertThat(ids(q -> q.set("suspended", true))).containsExactly("pi2");
  }

  @Test
  void incidentFilters() {
    assertThat(ids(q -> q.set("withIncident", true))).containsExactly("pi2", "pi3");
    assertThat(ids(q -> q.set("incidentType", "failedJob"))).containsExactly("pi2");
    assertThat(ids(q -> q.set("incidentId", incident2))).containsExactly("pi2");
    assertThat(ids(q -> q.set("incidentMessage", "bad thing"))).containsExactly("pi3");
    assertThat(ids(q -> q.set("incidentMessageLike", "%oo%"))).containsExactly("pi2");
    // filters on one incident row: pi2's incident is failedJob but not "bad thing"
    assertThat(ids(q -> q.set("incidentType", "failedJob").set("incidentMessage", "bad thing"))).isEmpty();
  }

  @Test
  void tenantFilters() {
    assertThat(ids(q -> q.set("tenantIdIn", List.of("t1", "t2")))).containsExactly("pi2", "pi3");
    assertThat(ids(q -> q.set("withoutTenantId", true))).containsExactly("pi1", "pi4");
  }

  @Test
  void activityFilter() {
    assertThat(ids(q -> q.set("activityIdIn", List.of("task1")))).containsExactly("pi1", "pi3");
    assertThat(ids(q -> q.set("activityIdIn", List.of("task2", "task9")))).containsExactly("pi2");
  }

  @Test
  void hierarchyFilters() {
    assertThat(ids(q -> q.set("rootProcessInstances", true))).containsExactly("pi1", "pi2", "pi4");
    assertThat(ids(q -> q.set("leafProcessInstances", true))).containsExactly("pi2", "pi3", "pi4");
    assertThat(ids(q -> q.set("superProcessInstance", "pi1"))).containsExactly("pi3");
    assertThat(ids(q -> q.set("subProcessInstance", "pi3"))).containsExactly("pi1");
    assertThat(ids(q -> q.set("rootProcessInstanceId", "pi1"))).containsExactly("pi1", "pi3");
  }

  @Test
  void caseInstanceFiltersMatchNothing() {
    assertThat(ids(q -> q.set("caseInstanceId", "c"))).isEmpty();
    assertThat(ids(q -> q.set("superCaseInstance", "c"))).isEmpty();
    assertThat(ids(q -> q.set("subCaseInstance", "c"))).isEmpty();
  }

  @Test
  void numericVariablesCompareAcrossNumberTypes() {
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.EQ, 5)))))
        .containsExactly("pi2");
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.GT, 50)))))
        .containsExactly("pi1", "pi3");
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.GTEQ, 99.5)))))
        .containsExactly("pi1", "pi3");
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.LT, 99.5)))))
        .containsExactly("pi2");
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.LTEQ, 100L)))))
        .containsExactly("pi1", "pi2", "pi3");
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.NEQ, 5)))))
        .containsExactly("pi1", "pi3");
    assertThat(ids(q -> q.set("variables", List.of(var("ratio", VariableOperator.EQ, 0.5)))))
        .containsExactly("pi1");
  }

  @Test
  void stringVariablesAndTheirIgnoreCaseFlags() {
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.EQ, "Alice")))))
        .containsExactly("pi1");
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.EQ, "alice"))))).isEmpty();
    assertThat(
            ids(
                q ->
                    q.set("variables", List.of(var("name", VariableOperator.EQ, "alice")))
                        .set("variableValuesIgnoreCase", true)))
        .containsExactly("pi1");
    assertThat(ids(q -> q.set("variables", List.of(var("NAME", VariableOperator.EQ, "bob"))))).isEmpty();
    assertThat(
            ids(
                q ->
                    q.set("variables", List.of(var("NAME", VariableOperator.EQ, "bob")))
                        .set("variableNamesIgnoreCase", true)))
        .containsExactly("pi2");
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.LIKE, "%o%")))))
        .containsExactly("pi2");
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.NEQ, "bob")))))
        .containsExactly("pi1");
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.GT, "B")))))
        .containsExactly("pi2");
    // a string filter matches the text form of a number, as in Camunda (GET query strings)
    assertThat(ids(q -> q.set("variables", List.of(var("amount", VariableOperator.EQ, "100")))))
        .containsExactly("pi1");
  }

  @Test
  void booleanDateAndNullVariables() {
    assertThat(ids(q -> q.set("variables", List.of(var("flag", VariableOperator.EQ, true)))))
        .containsExactly("pi1");
    assertThat(ids(q -> q.set("variables", List.of(var("flag", VariableOperator.EQ, false))))).isEmpty();
    assertThat(
            ids(
                q ->
                    q.set("variables", List.of(
                            var("when", VariableOperator.LT, Instant.parse("2025-06-01T00:00:00Z"))))))
        .containsExactly("pi1");
    assertThat(
            ids(
                q ->
                    q.set("variables", List.of(
                            var("when", VariableOperator.GT, Instant.parse("2025-06-01T00:00:00Z"))))))
        .isEmpty();
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.EQ, null)))))
        .containsExactly("pi3");
    assertThat(ids(q -> q.set("variables", List.of(var("name", VariableOperator.NEQ, null)))))
        .containsExactly("pi1", "pi2");
    assertThatThrownBy(() -> var("flag", VariableOperator.GT, true))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Booleans and null cannot be used in 'greater than' condition");
  }

  @Test
  void severalVariableConditionsMustAllHold() {
    assertThat(
            ids(
                q ->
                    q.set("variables", List.of(
                            var("amount", VariableOperator.GT, 1),
                            var("name", VariableOperator.LIKE, "A%")))))
        .containsExactly("pi1");
  }

  @Test
  void orQueriesAreAlternativesAndedWithTheRest() {
    ProcessInstanceQuery either =
        ProcessInstanceQuery.builder().set("businessKey", "bk-1").set("incidentType", "custom").build();
    assertThat(ids(q -> q.orQueries(List.of(either)))).containsExactly("pi1", "pi3");
    assertThat(ids(q -> q.orQueries(List.of(either)).tenantIdIn("t2"))).containsExactly("pi3");
    ProcessInstanceQuery variablesEither =
        ProcessInstanceQuery.builder()
            .variables(
                List.of(
                    var("amount", VariableOperator.EQ, 5), var("flag", VariableOperator.EQ, true)))
            .build();
    ProcessInstanceQuery keys = ProcessInstanceQuery.builder().processDefinitionKey("invoice").build();
    assertThat(ids(q -> q.orQueries(List.of(variablesEither, keys)))).containsExactly("pi1", "pi2");
    ProcessInstanceQuery nested = ProcessInstanceQuery.builder().orQueries(List.of(keys)).build();
    assertThatThrownBy(() -> ids(q -> q.orQueries(List.of(nested))))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void sortingAndPaging() {
    assertThat(ids(q -> q.sorting(List.of(Sorting.desc("businessKey")))))
        .containsExactly("pi3", "pi2", "pi1", "pi4");
    assertThat(ids(q -> q.sorting(List.of(Sorting.asc("businessKey")))))
        .containsExactly("pi4", "pi1", "pi2", "pi3");
    assertThat(
            ids(q -> q.sorting(List.of(Sorting.desc("definitionKey"), Sorting.desc("instanceId")))))
        .containsExactly("pi4", "pi3", "pi2", "pi1");
    assertThat(ids(q -> q.sorting(List.of(Sorting.asc("tenantId"), Sorting.asc("definitionId")))))
        .containsExactly("pi1", "pi4", "pi2", "pi3");
    ProcessInstanceQuery byKey =
        ProcessInstanceQuery.builder().sorting(List.of(Sorting.asc("definitionKey"))).build();
    List<String> page =
        store.list(byKey.filters(), new Page(1, 2)).stream()
            .map(RuntimeProcessInstance::id)
            .toList();
    assertThat(page).containsExactly("pi2", "pi3");
    assertThatThrownBy(() -> ids(q -> q.sorting(List.of(Sorting.asc("bogus")))))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void seventyThousandIdsCostNoParameterPerIdAndIdsSqlEmbedsInInsertSelect() {
    String generate =
        dialect == Dialect.H2
            ? "SELECT X FROM SYSTEM_RANGE(1, 70000)"
            : "SELECT generate_series(1, 70000)";
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, start_time,"
                    + " root_process_instance_id) SELECT CONCAT('bulk-', CAST(n AS VARCHAR(10))),"
                    + " 'order:1', 'bulk', CURRENT_TIMESTAMP, CONCAT('bulk-', CAST(n AS VARCHAR(10)))"
                    + " FROM ("
                    + generate
                    + ") g(n)"));
    List<String> wanted = new ArrayList<>();
    IntStream.rangeClosed(1, 70_000).forEach(i -> wanted.add("bulk-" + (i * 2)));
    ProcessInstanceQuery query = ProcessInstanceQuery.builder().processInstanceIds(wanted).build();

    long count = store.count(query.filters());
    assertThat(count).isEqualTo(35_000L);

    SqlFragment ids = query.idsSql(dialect);
    int inserted =
        database.inTransaction(
            h ->
                ids.bindTo(
                        h.createUpdate(
                            "INSERT INTO tern_batch_chunk (batch_id, seq, item_count, item_ids)"
                                + " SELECT 'b1', ROW_NUMBER() OVER (ORDER BY sel.id), 1,"
                                + " ARRAY[sel.id] FROM ("
                                + ids.sql()
                                + ") sel"))
                    .execute());
    assertThat(inserted).isEqualTo(35_000);
    database.useTransaction(h -> h.execute("DELETE FROM tern_batch_chunk"));
  }
}
