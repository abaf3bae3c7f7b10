package dev.tern.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each filter of {@code GET /incident} decides which of three different incidents match. */
@DatabaseTest
class IncidentQueryTest {

  private final TestDatabase db;
  private ProcessEngine engine;

  IncidentQueryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void arrange() {
    new IncidentFixture(db.database()).insertAll();
    engine = ProcessEngine.builder().database(db.database()).startJobExecutor(false).build();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("incidentId", "inc-b", List.of("inc-b")),
        Arguments.of("incidentType", "failedJob", List.of("inc-a", "inc-c")),
        Arguments.of("incidentMessage", "bad thing", List.of("inc-b")),
        Arguments.of("incidentMessageLike", "boom%", List.of("inc-a", "inc-c")),
        Arguments.of("processDefinitionId", "order:1:2", List.of("inc-b")),
        Arguments.of("processDefinitionKeyIn", List.of("invoice", "payment"), List.of("inc-a", "inc-c")),
        Arguments.of("processInstanceId", "pi-3", List.of("inc-c")),
        Arguments.of("executionId", "ex-1", List.of("inc-a")),
        Arguments.of(
            "incidentTimestampBefore", IncidentFixture.T0.plusSeconds(3600), List.of("inc-a")),
        Arguments.of(
            "incidentTimestampAfter", IncidentFixture.T0.plusSeconds(3600), List.of("inc-c")),
        Arguments.of("activityId", "ship", List.of("inc-b")),
        Arguments.of("failedActivityId", "pack", List.of("inc-b")),
        Arguments.of("causeIncidentId", "inc-a", List.of("inc-a", "inc-b")),
        Arguments.of("rootCauseIncidentId", "inc-c", List.of("inc-c")),
        Arguments.of("configuration", "job-1", List.of("inc-a")),
        Arguments.of("tenantIdIn", List.of("t1", "t2"), List.of("inc-b", "inc-c")),
        Arguments.of("jobDefinitionIdIn", List.of("jd-1", "jd-3"), List.of("inc-a", "inc-c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterDecidesWhichIncidentsMatch(String filter, Object value, List<String> expected) {
    IncidentQuery query = engine.incidentService().createIncidentQuery();
    query.filters().set(filter, value);

    assertThat(ids(query)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(engine.incidentService().countIncidents(query)).isEqualTo(expected.size());
  }

  @Test
  void sortingOrdersAndPagingSlices() {
    IncidentQuery query = engine.incidentService().createIncidentQuery();
    query.filters().orderBy("incidentTimestamp", false);

    assertThat(ids(query)).containsExactly("inc-c", "inc-b", "inc-a");
    assertThat(engine.incidentService().listIncidents(query, 1, 1))
        .extracting(Incident::id)
        .containsExactly("inc-b");
  }

  @Test
  void unknownSortKeyIsRejected() {
    IncidentQuery query = engine.incidentService().createIncidentQuery();
    assertThatThrownBy(() -> query.filters().orderBy("annotation", true))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Cannot set query parameter 'sortBy' to value 'annotation'");
  }

  private List<String> ids(IncidentQuery query) {
    return engine.incidentService().listIncidents(query, 0, 100).stream()
        .map(Incident::id)
        .toList();
  }
}
