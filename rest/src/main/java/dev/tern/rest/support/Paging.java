package dev.tern.rest.support;

/**
 * Camunda's paging: {@code firstResult} (default 0) and {@code maxResults} (default unbounded),
 * from the query string of list endpoints.
 */
public record Paging(int firstResult, int maxResults) {

  public static final Paging ALL = new Paging(0, Integer.MAX_VALUE);

  public Paging {
    if (firstResult < 0 || maxResults < 0) {
      throw new IllegalArgumentException("firstResult and maxResults must not be negative");
    }
  }

  public static Paging from(QueryParams params) {
    return new Paging(
        nonNegative(params, "firstResult", 0), nonNegative(params, "maxResults", Integer.MAX_VALUE));
  }

  public boolean isUnbounded() {
    return firstResult == 0 && maxResults == Integer.MAX_VALUE;
  }

  private static int nonNegative(QueryParams params, String name, int fallback) {
    Integer value = params.integer(name);
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw QueryParams.invalid(name, value.toString(), "must not be negative");
    }
    return value;
  }
}
