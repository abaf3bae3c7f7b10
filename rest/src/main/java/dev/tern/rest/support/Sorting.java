package dev.tern.rest.support;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sort criteria from the query string ({@code sortBy} + {@code sortOrder}) or from a JSON body's
 * {@code sorting} array, validated against the values a resource allows.
 */
public final class Sorting {

  /**
   * One criterion: a resource-defined {@code sortBy} value, its direction and its {@code
   * parameters} (a body's only, e.g. a variable to sort by; else null).
   */
  public record Criterion(String sortBy, boolean ascending, Map<String, Object> parameters) {}

  private Sorting() {}

  /**
   * The query string's criterion (at most one); empty if neither {@code sortBy} nor {@code
   * sortOrder} is given. Both are required together, as in Camunda.
   */
  public static List<Criterion> fromQuery(QueryParams params, Set<String> allowedSortBy) {
    String sortBy = params.string("sortBy");
    String sortOrder = params.string("sortOrder");
    if (sortBy == null && sortOrder == null) {
      return List.of();
    }
    if (sortBy == null || sortOrder == null) {
      throw new InvalidRequestException(
          "Only a single sorting parameter specified. sortBy and sortOrder required");
    }
    if (!allowedSortBy.contains(sortBy)) {
      throw QueryParams.invalid("sortBy", sortBy, null);
    }
    return List.of(new Criterion(sortBy, ascending(sortOrder, true), null));
  }

  /**
   * The criteria of a JSON body's {@code sorting} array, in order; {@code null} reads as none. An
   * entry needs {@code sortBy} and {@code sortOrder} (without it Camunda's query refuses to run:
   * NotValidException, 400).
   */
  public static List<Criterion> fromBody(List<SortingDto> sorting, Set<String> allowedSortBy) {
    if (sorting == null) {
      return List.of();
    }
    List<Criterion> criteria = new ArrayList<>(sorting.size());
    for (SortingDto entry : sorting) {
      if (entry == null || entry.sortBy() == null || !allowedSortBy.contains(entry.sortBy())) {
        throw new InvalidRequestException(
            "sortBy parameter has invalid value: " + (entry == null ? null : entry.sortBy()));
      }
      if (entry.sortOrder() == null) {
        throw new ProcessEngineException(
            "NotValidException",
            "Invalid query: call asc() or desc() after using orderByXX(): direction is null");
      }
      boolean ascending = ascending(entry.sortOrder(), false);
      criteria.add(new Criterion(entry.sortBy(), ascending, entry.parameters()));
    }
    return List.copyOf(criteria);
  }

  private static boolean ascending(String sortOrder, boolean fromQuery) {
    return switch (sortOrder) {
      case "asc" -> true;
      case "desc" -> false;
      default ->
          throw fromQuery
              ? QueryParams.invalid("sortOrder", sortOrder, null)
              : new InvalidRequestException("sortOrder parameter has invalid value: " + sortOrder);
    };
  }
}
