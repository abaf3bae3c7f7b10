package dev.tern.engine.deployment;

/** Which slice of a sorted result to return ({@code firstResult}/{@code maxResults}). */
public record Page(int firstResult, int maxResults) {

  public static final Page ALL = new Page(0, Integer.MAX_VALUE);

  public Page {
    if (firstResult < 0 || maxResults < 0) {
      throw new dev.tern.engine.InvalidRequestException(
          "firstResult and maxResults must not be negative");
    }
  }
}
