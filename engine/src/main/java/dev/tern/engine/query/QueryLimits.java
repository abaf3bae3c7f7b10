package dev.tern.engine.query;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;

/**
 * Bounds on what one query may ask of the database, enforced by the query kit so that embedded use
 * gets them too (the REST layer checks the same bounds up front, with the same messages):
 *
 * <ul>
 *   <li>LIKE patterns with at most {@value #MAX_LIKE_WILDCARDS} {@code %} and {@value
 *       #MAX_LIKE_LENGTH} characters: H2 matches {@code %a%a%a%a%b} by backtracking, exponential in
 *       the wildcards (minutes for one row), and no statement timeout interrupts it;
 *   <li>at most {@value #MAX_VARIABLE_CONDITIONS} variable conditions, {@value #MAX_OR_QUERIES}
 *       or-queries and {@value #MAX_SORTING} sort entries in one query.
 * </ul>
 */
public final class QueryLimits {

  public static final int MAX_VARIABLE_CONDITIONS = 50;
  public static final int MAX_OR_QUERIES = 20;
  public static final int MAX_SORTING = 10;
  public static final int MAX_LIKE_WILDCARDS = 3;
  public static final int MAX_LIKE_LENGTH = 4000;

  private QueryLimits() {}

  /** Refuses a LIKE pattern with too many {@code %} wildcards or characters; null passes. */
  public static void requireLikePattern(String name, String pattern) {
    if (pattern == null) {
      return;
    }
    long wildcards = pattern.chars().filter(c -> c == '%').count();
    if (wildcards > MAX_LIKE_WILDCARDS) {
      throw new InvalidRequestException(
          name
              + " has "
              + wildcards
              + " '%' wildcards; at most "
              + MAX_LIKE_WILDCARDS
              + " are allowed in one LIKE pattern");
    }
    FieldLimits.requireAtMost(name, pattern, MAX_LIKE_LENGTH);
  }

  /** Refuses a list of {@code count} entries (or-queries, sortings, …) longer than {@code max}. */
  public static void requireAtMost(String name, int count, int max) {
    if (count > max) {
      throw new InvalidRequestException(
          name + " has " + count + " entries; at most " + max + " are allowed in one query");
    }
  }
}
