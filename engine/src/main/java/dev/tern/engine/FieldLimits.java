package dev.tern.engine;

import java.util.Collection;

/**
 * The lengths of the columns that hold caller-chosen text, checked before anything is written so a
 * value too long is a 400 naming its field rather than a failed statement. (The database's own
 * refusal is the net under these checks; see {@code persistence.StatementFailures}.)
 */
public final class FieldLimits {

  /** Ids and tenant ids: {@code VARCHAR(64)}. */
  public static final int ID = 64;

  /** Names, keys and business keys: {@code VARCHAR(255)}. */
  public static final int NAME = 255;

  private FieldLimits() {}

  /** Refuses {@code value} (null passes) when it is longer than {@code max} characters. */
  public static void requireAtMost(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidRequestException(
          field + " is longer than " + max + " characters (" + value.length() + ")");
    }
  }

  /** Refuses any of {@code values} longer than {@code max} characters. */
  public static void requireEachAtMost(String field, Collection<String> values, int max) {
    if (values != null) {
      for (String value : values) {
        requireAtMost(field, value, max);
      }
    }
  }
}
