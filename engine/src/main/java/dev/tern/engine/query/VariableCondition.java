package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * A filter on one variable: the variable exists with this name and its value compares to {@code
 * value} with {@code operator}. The value is a String, Boolean, Number, {@link Instant} (or {@link
 * Date}) or null; as in Camunda, numbers match every numeric variable type, strings match the text
 * form of a value, and booleans and null support only {@code eq} and {@code neq}.
 */
public record VariableCondition(String name, VariableOperator operator, Object value) {

  public VariableCondition {
    Objects.requireNonNull(operator, "operator");
    if (value instanceof Date date) {
      value = date.toInstant();
    }
    if (operator == VariableOperator.LIKE && value != null && !(value instanceof String)) {
      value = String.valueOf(value);
    }
    if (operator == VariableOperator.LIKE) {
      QueryLimits.requireLikePattern("value of variable condition '" + name + "'", (String) value);
    }
    boolean equality = operator == VariableOperator.EQ || operator == VariableOperator.NEQ;
    if ((value == null || value instanceof Boolean) && !equality) {
      throw new InvalidRequestException(
          "Booleans and null cannot be used in '" + operator.label() + "' condition");
    }
    if (value != null
        && !(value instanceof String
            || value instanceof Boolean
            || value instanceof Number
            || value instanceof Instant)) {
      throw new InvalidRequestException(
          "Variables of type " + value.getClass().getSimpleName() + " cannot be queried");
    }
  }

  public static VariableCondition of(String name, VariableOperator operator, Object value) {
    return new VariableCondition(name, operator, value);
  }
}
