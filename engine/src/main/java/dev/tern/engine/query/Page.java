package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;

/**
 * Which slice of a sorted result to return: skip {@code firstResult} rows, return at most {@code
 * maxResults} (null: all). Negative values are a caller's mistake.
 */
public record Page(int firstResult, Integer maxResults) {

  public static final Page ALL = new Page(0, null);

  public Page {
    if (firstResult < 0 || (maxResults != null && maxResults < 0)) {
      throw new InvalidRequestException("firstResult and maxResults must not be negative");
    }
  }

  public static Page of(Integer firstResult, Integer maxResults) {
    return new Page(firstResult == null ? 0 : firstResult, maxResults);
  }
}
