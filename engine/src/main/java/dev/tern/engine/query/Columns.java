package dev.tern.engine.query;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Column lists as the stores declare them ({@code "id, name, …"}). */
public final class Columns {

  private Columns() {}

  /** {@code "id, name"} qualified by {@code alias}: {@code "x.id, x.name"}. */
  public static String qualified(String alias, String columns) {
    return Arrays.stream(columns.split(","))
        .map(c -> alias + "." + c.trim())
        .collect(Collectors.joining(", "));
  }

  /**
   * {@code "id, name"} qualified by {@code alias} and labelled with {@code alias_}: {@code "x.id AS
   * x_id, x.name AS x_name"}, for a second table's columns in one row.
   */
  public static String labelled(String alias, String columns) {
    return Arrays.stream(columns.split(","))
        .map(String::trim)
        .map(c -> alias + "." + c + " AS " + alias + "_" + c)
        .collect(Collectors.joining(", "));
  }
}
