package dev.tern.engine.query;

import java.time.Instant;
import java.util.List;

/**
 * Compiles {@link VariableCondition}s into {@code EXISTS} predicates over a variable table with
 * Tern's value columns ({@code var_type}, {@code text_value}, {@code long_value}, {@code
 * double_value}, {@code clob_value}).
 *
 * @param table the variable table, e.g. {@code tern_variable}
 * @param ownerColumn its column naming the process instance
 * @param rowFilter an extra predicate on the variable row (alias {@code v}), or null
 */
public record VariableConditionSql(String table, String ownerColumn, String rowFilter) {

  private static final String NUMERIC_TYPES = "('integer', 'short', 'long', 'double')";

  /** Adds one EXISTS predicate per condition, matched against {@code ownerRef}. */
  public void addTo(
      Predicates predicates,
      String ownerRef,
      List<VariableCondition> conditions,
      boolean namesIgnoreCase,
      boolean valuesIgnoreCase) {
    if (conditions == null) {
      return;
    }
    for (VariableCondition condition : conditions) {
      predicates.add(
          exists(predicates.binds(), ownerRef, condition, namesIgnoreCase, valuesIgnoreCase));
    }
  }

  String exists(
      Binds binds,
      String ownerRef,
      VariableCondition condition,
      boolean namesIgnoreCase,
      boolean valuesIgnoreCase) {
    StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM ");
    sql.append(table).append(" v WHERE v.").append(ownerColumn).append(" = ").append(ownerRef);
    if (rowFilter != null) {
      sql.append(" AND ").append(rowFilter);
    }
    if (namesIgnoreCase) {
      sql.append(" AND LOWER(v.name) = LOWER(").append(binds.add(condition.name())).append(")");
    } else {
      sql.append(" AND v.name = ").append(binds.add(condition.name()));
    }
    sql.append(" AND ").append(valuePredicate(binds, condition, valuesIgnoreCase)).append(")");
    return sql.toString();
  }

  private static String valuePredicate(
      Binds binds, VariableCondition condition, boolean valuesIgnoreCase) {
    Object value = condition.value();
    String op = condition.operator().sql();
    if (value == null) {
      String isNull =
          "(v.text_value IS NULL AND v.long_value IS NULL AND v.double_value IS NULL"
              + " AND v.clob_value IS NULL)";
      return condition.operator() == VariableOperator.EQ ? isNull : "NOT " + isNull;
    }
    if (value instanceof String text) {
      if (valuesIgnoreCase) {
        return "LOWER(v.text_value) " + op + " LOWER(" + binds.add(text) + ")";
      }
      return "v.text_value " + op + " " + binds.add(text);
    }
    if (value instanceof Boolean bool) {
      return "(v.var_type = 'boolean' AND v.long_value " + op + " " + binds.add(bool ? 1L : 0L) + ")";
    }
    if (value instanceof Instant instant) {
      return "(v.var_type = 'date' AND v.long_value "
          + op
          + " "
          + binds.add(instant.toEpochMilli())
          + ")";
    }
    Number number = (Number) value;
    Object bound =
        number instanceof Double || number instanceof Float || number instanceof java.math.BigDecimal
            ? (Object) number.doubleValue()
            : (Object) number.longValue();
    String placeholder = binds.add(bound);
    return "(v.var_type IN "
        + NUMERIC_TYPES
        + " AND (v.long_value "
        + op
        + " "
        + placeholder
        + " OR v.double_value "
        + op
        + " "
        + placeholder
        + "))";
  }
}
