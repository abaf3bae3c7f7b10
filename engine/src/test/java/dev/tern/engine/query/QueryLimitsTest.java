package dev.tern.engine.query;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.incident.IncidentQuery;
import org.junit.jupiter.api.Test;

/** The query limits hold for embedded use too: the query kit refuses before any SQL is built. */
class QueryLimitsTest {

  @Test
  void likeFilterWithFourWildcardsIsRefused() {
    FilterQuery query = new IncidentQuery().filters();

    assertThatCode(() -> query.set("incidentMessageLike", "%a%b%")).doesNotThrowAnyException();
    assertThatThrownBy(() -> query.set("incidentMessageLike", "%a%a%a%b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "incidentMessageLike has 4 '%' wildcards; at most 3 are allowed in one LIKE pattern");
  }

  @Test
  void likeFilterLongerThanItsCapIsRefused() {
    assertThatThrownBy(() -> new IncidentQuery().filters().set("incidentMessageLike", "a".repeat(4001)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("incidentMessageLike is longer than 4000 characters (4001)");
  }

  @Test
  void likeVariableConditionWithFourWildcardsIsRefused() {
    assertThatCode(() -> VariableCondition.of("x", VariableOperator.LIKE, "%a%")).doesNotThrowAnyException();
    assertThatThrownBy(() -> VariableCondition.of("x", VariableOperator.LIKE, "%a%a%a%b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("value of variable condition 'x' has 4 '%' wildcards");
  }

  @Test
  void eleventhSortEntryIsRefused() {
    FilterQuery query = new IncidentQuery().filters();
    for (int i = 0; i < QueryLimits.MAX_SORTING; i++) {
      query.orderBy("incidentTimestamp", i % 2 == 0);
    }

    assertThatThrownBy(() -> query.orderBy("incidentTimestamp", true))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("sorting has 11 entries; at most 10 are allowed in one query");
  }
}
