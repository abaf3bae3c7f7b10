package dev.tern.engine.query;

import java.util.Optional;

/** The comparisons a variable filter supports, with Camunda's REST names. */
public enum VariableOperator {
  EQ("eq", "=", "equals"),
  NEQ("neq", "<>", "not equals"),
  GT("gt", ">", "greater than"),
  GTEQ("gteq", ">=", "greater than or equal"),
  LT("lt", "<", "less than"),
  LTEQ("lteq", "<=", "less than or equal"),
  LIKE("like", "LIKE", "like");

  private final String restName;
  private final String sql;
  private final String label;

  VariableOperator(String restName, String sql, String label) {
    this.restName = restName;
    this.sql = sql;
    this.label = label;
  }

  public String restName() {
    return restName;
  }

  String sql() {
    return sql;
  }

  String label() {
    return label;
  }

  /** The operator with this exact REST name ({@code eq}, {@code gteq}, …). */
  public static Optional<VariableOperator> byRestName(String name) {
    for (VariableOperator operator : values()) {
      if (operator.restName.equals(name)) {
        return Optional.of(operator);
      }
    }
    return Optional.empty();
  }
}
