package dev.tern.rest.support;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Variable filters of the instance queries, from a JSON body or from the query string's {@code
 * variables=name_op_value,…}, with Camunda's messages. As in Camunda, a string value that reads as
 * a date is compared as a date, and {@code notLike} is not an operator here.
 */
public final class VariableQueries {

  private VariableQueries() {}

  /** {@code name_operator_value} triples separated by commas; null if absent. */
  public static List<VariableQueryParameterDto> parse(String queryParameter) {
    if (queryParameter == null) {
      return null;
    }
    List<VariableQueryParameterDto> result = new ArrayList<>();
    for (String expression : queryParameter.split(",")) {
      String[] triple = expression.split("_");
      if (triple.length != 3) {
        throw new InvalidRequestException(
            "variable query parameter has to have format KEY_OPERATOR_VALUE.");
      }
      result.add(new VariableQueryParameterDto(triple[0], triple[1], triple[2]));
    }
    return result;
  }

  public static List<VariableCondition> conditions(List<VariableQueryParameterDto> dtos) {
    if (dtos == null) {
      return null;
    }
    List<VariableCondition> conditions = new ArrayList<>();
    for (VariableQueryParameterDto dto : dtos) {
      if (dto == null) {
        continue;
      }
      VariableOperator operator =
          VariableOperator.byRestName(dto.operator())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "Invalid variable comparator specified: " + dto.operator()));
      conditions.add(VariableCondition.of(dto.name(), operator, resolve(dto.value())));
    }
    return conditions;
  }

  private static Object resolve(Object value) {
    if (value instanceof String text) {
      return CamundaDates.parse(text).<Object>map(instant -> instant).orElse(text);
    }
    return value;
  }
}
