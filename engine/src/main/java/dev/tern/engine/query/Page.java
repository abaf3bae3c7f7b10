package dev.tern.engine.query;

/**
 * Which slice of a sorted result to return: skip {@code firstResult} rows, return at most {@code
 * maxResults} (null: all).
 */
public record Page(int firstResult, Integer maxResults) {

  public static final Page ALL = new Page(0, null);

  public Page {
    if (firstResult < 0) {
      firstResult = 0;
    }
    if (maxResults != null && maxResults < 0) {
      maxResults = 0;
    }
  }

  public static Page of(Integer firstResult, Integer maxResults) {
    return new Page(firstResult == null ? 0 : firstResult, maxResults);
  }
}
