package dev.tern.engine.task;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.query.QueryDefinition.SortExpression;
import dev.tern.engine.runtime.ValueType;
import java.util.Map;

/**
 * Camunda's variable sort keys of the task query ({@code processVariable}, {@code
 * executionVariable}, {@code taskVariable} with {@code parameters: {variable, type}}): the value of
 * the task's variable of that name and type, by the column Camunda sorts it by (strings ignoring
 * case; integers, shorts, longs, dates and booleans by their number; doubles by theirs). A task
 * without such a variable sorts as a null value. Tern keeps process variables on the instance, so
 * a task's execution sees its instance's variables.
 */
final class VariableSort {

  private VariableSort() {}

  static SortExpression of(String table, String ownerColumn, String taskColumn) {
    return parameters -> {
      ValueType type = checked(parameters);
      return "(SELECT "
          + column(type)
          + " FROM "
          + table
          + " v WHERE v."
          + ownerColumn
          + " = "
          + taskColumn
          + " AND v.name = "
          + literal(String.valueOf(parameters.get("variable")))
          + " AND v.var_type = '"
          + type.storageName()
          + "')";
    };
  }

  /**
   * The case variable keys ({@code caseInstanceVariable}, {@code caseExecutionVariable}): checked
   * like the others, then every task sorts as without the variable (Tern has no CMMN).
   */
  static SortExpression ofCase() {
    return parameters -> {
      checked(parameters);
      return "CAST(NULL AS VARCHAR(1))";
    };
  }

  /** The type of a criterion that names a variable and a type one can sort by. */
  private static ValueType checked(Map<String, Object> parameters) {
    if (parameters.get("variable") == null) {
      throw new InvalidRequestException("variableName is null");
    }
    ValueType type = type(parameters.get("type"));
    column(type);
    return type;
  }

  private static ValueType type(Object typeName) {
    if (typeName == null) {
      throw new InvalidRequestException("valueType is null");
    }
    return ValueType.byName(String.valueOf(typeName))
        .orElseThrow(
            () -> new InvalidRequestException("Cannot order by variables of type " + typeName));
  }

  private static String column(ValueType type) {
    return switch (type) {
      case STRING -> "LOWER(v.text_value)";
      case INTEGER, SHORT, LONG, DATE, BOOLEAN -> "v.long_value";
      case DOUBLE -> "v.double_value";
      default ->
          throw new InvalidRequestException(
              "Cannot order by variables of type " + type.storageName());
    };
  }

  /**
   * The name as a standard SQL string literal (quotes doubled): sort expressions are rendered
   * into ORDER BY, which has no binds; the length is bounded like every variable name. A backslash
   * is refused: on a PostgreSQL server with {@code standard_conforming_strings} off it would
   * escape the closing quote.
   */
  private static String literal(String name) {
    if (name.length() > FieldLimits.NAME || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
      throw new InvalidRequestException("Invalid variable name to sort by: " + name);
    }
    return "'" + name.replace("'", "''") + "'";
  }
}
