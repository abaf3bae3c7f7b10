package dev.tern.rest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  private static QueryParams params(String... keyValues) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
    }
    return new QueryParams(map);
  }

  @Test
  void typedValues() {
    QueryParams p =
        params(
            "n", "42", "l", "9000000000", "b", "TRUE", "d", "2026-01-02T03:04:05.000+0000",
            "ids", "a, b,,c", "empty", "");

    assertThat(p.integer("n")).isEqualTo(42);
    assertThat(p.longValue("l")).isEqualTo(9_000_000_000L);
    assertThat(p.bool("b")).isTrue();
    assertThat(p.date("d")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(p.list("ids")).containsExactly("a", "b", "c");
    assertThat(p.integer("empty")).isNull();
    assertThat(p.integer("absent")).isNull();
    assertThat(p.list("absent")).isNull();
  }

  @Test
  void booleansAreLenientAsInCamunda() {
    assertThat(params("b", "yes").bool("b")).isFalse();
  }

  @Test
  void firstOfRepeatedValuesWins() {
    assertThat(params("n", "1", "n", "2").integer("n")).isEqualTo(1);
  }

  @Test
  void badValuesUseCamundasMessages() {
    assertThatThrownBy(() -> params("version", "aString").integer("version"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "Cannot set query parameter 'version' to value 'aString': "
                + "Cannot convert value aString to java type java.lang.Integer");
    assertThatThrownBy(() -> params("due", "anInvalidDate").date("due"))
        .hasMessage(
            "Cannot set query parameter 'due' to value 'anInvalidDate': "
                + "Cannot convert value \"anInvalidDate\" to java type java.util.Date");
    assertThatThrownBy(() -> params("p", "1.5").longValue("p"))
        .hasMessageEndingWith("Cannot convert value 1.5 to java type java.lang.Long");
  }

  @Test
  void pagingDefaultsAndLimits() {
    assertThat(Paging.from(params())).isEqualTo(Paging.ALL);
    assertThat(Paging.from(params("firstResult", "5", "maxResults", "10")))
        .isEqualTo(new Paging(5, 10));
    assertThatThrownBy(() -> Paging.from(params("firstResult", "-1")))
        .hasMessage("Cannot set query parameter 'firstResult' to value '-1': must not be negative");
  }

  @Test
  void sortingFromQueryAndBody() {
    Set<String> allowed = Set.of("id", "dueDate");

    assertThat(Sorting.fromQuery(params(), allowed)).isEmpty();
    assertThat(Sorting.fromQuery(params("sortBy", "dueDate", "sortOrder", "desc"), allowed))
        .containsExactly(new Sorting.Criterion("dueDate", false, null));
    assertThatThrownBy(() -> Sorting.fromQuery(params("sortOrder", "asc"), allowed))
        .hasMessage("Only a single sorting parameter specified. sortBy and sortOrder required");
    assertThatThrownBy(
            () -> Sorting.fromQuery(params("sortBy", "id", "sortOrder", "up"), allowed))
        .hasMessage("Cannot set query parameter 'sortOrder' to value 'up'");

    assertThat(
            Sorting.fromBody(
                List.of(new SortingDto("id", "asc", null), new SortingDto("dueDate", "desc", null)),
                allowed))
        .containsExactly(new Sorting.Criterion("id", true, null), new Sorting.Criterion("dueDate", false, null));
    assertThatThrownBy(() -> Sorting.fromBody(List.of(new SortingDto("id", null, null)), allowed))
        .hasMessage("Invalid query: call asc() or desc() after using orderByXX(): direction is null");
    assertThatThrownBy(() -> Sorting.fromBody(List.of(new SortingDto("color", "asc", null)), allowed))
        .hasMessage("sortBy parameter has invalid value: color");
  }
}
