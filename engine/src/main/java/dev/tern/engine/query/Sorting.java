package dev.tern.engine.query;

import java.util.Objects;

/**
 * One sort key of a query: a property name from the query's own list (Camunda's {@code sortBy}
 * values, e.g. {@code instanceId}) and a direction.
 */
public record Sorting(String property, boolean ascending) {

  public Sorting {
    Objects.requireNonNull(property, "property");
  }

  public static Sorting asc(String property) {
    return new Sorting(property, true);
  }

  public static Sorting desc(String property) {
    return new Sorting(property, false);
  }
}
