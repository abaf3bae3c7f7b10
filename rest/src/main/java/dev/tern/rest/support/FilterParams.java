package dev.tern.rest.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.QueryDefinition.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a {@link FilterQuery} from a query string or a JSON body, generically from the query's
 * {@link QueryDefinition}: the same filters, parsed the same way, for {@code GET} and {@code POST}
 * (and for a {@code jobQuery} nested in a bulk request body). Unknown parameters are ignored.
 */
public final class FilterParams {

  private FilterParams() {}

  /** Filters and sorting from query parameters. */
  public static void fromQuery(QueryParams params, FilterQuery query, Set<String> conditionOperators) {
    for (Filter filter : query.definition().filters()) {
      String name = filter.name();
      if (!params.has(name)) {
        continue;
      }
      Object value =
          switch (filter.type()) {
            case STRING -> params.string(name);
            case STRING_LIST -> params.list(name);
            case BOOLEAN -> params.bool(name);
            case INTEGER -> params.integer(name);
            case LONG -> params.longValue(name);
            case DATE -> params.date(name);
            case DATE_CONDITIONS -> conditionsFromText(name, params.string(name), conditionOperators);
            case VARIABLES -> VariableQueries.conditions(VariableQueries.parse(params.string(name)));
          };
      query.set(name, value);
    }
    for (Sorting.Criterion criterion :
        Sorting.fromQuery(params, query.definition().sortKeys())) {
      query.orderBy(criterion.sortBy(), criterion.ascending());
    }
  }

  /**
   * Filters and sorting from a JSON object (with its {@code orQueries} where the query has them);
   * {@code null} or JSON null sets nothing.
   */
  public static void fromJson(JsonNode body, FilterQuery query, Set<String> conditionOperators) {
    if (filtersFromJson(body, query, conditionOperators)) {
      sortingFromJson(body, query);
    }
  }

  /** The filters of one level; false if the body is empty. */
  private static boolean filtersFromJson(
      JsonNode body, FilterQuery query, Set<String> conditionOperators) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return false;
    }
    if (!body.isObject()) {
      throw new InvalidRequestException("Invalid request body: expected a JSON object");
    }
    for (Filter filter : query.definition().filters()) {
      JsonNode node = body.get(filter.name());
      if (node == null || node.isNull()) {
        continue;
      }
      query.set(filter.name(), fromJson(filter, node, conditionOperators));
    }
    JsonNode orQueries = body.get("orQueries");
    if (query.definition().orQueries() && orQueries != null && !orQueries.isNull()) {
      if (!orQueries.isArray()) {
        throw wrongType("orQueries", "an array of queries");
      }
      for (JsonNode or : orQueries) {
        if (or != null && !or.isNull()) {
          // an or-query's own sorting is ignored, as in Camunda
          filtersFromJson(or, query.or(), conditionOperators);
        }
      }
    }
    return true;
  }

  private static void sortingFromJson(JsonNode body, FilterQuery query) {
    JsonNode sorting = body.get("sorting");
    if (sorting != null && !sorting.isNull()) {
      if (!sorting.isArray()) {
        throw new InvalidRequestException("Invalid value for 'sorting': expected an array");
      }
      List<SortingDto> entries = new ArrayList<>();
      for (JsonNode entry : sorting) {
        entries.add(
            new SortingDto(text(entry, "sortBy"), text(entry, "sortOrder"), parameters(entry)));
      }
      for (Sorting.Criterion criterion :
          Sorting.fromBody(entries, query.definition().sortKeys())) {
        query.orderBy(criterion.sortBy(), criterion.ascending(), criterion.parameters());
      }
    }
  }

  /** A sorting entry's {@code parameters} object with its text values; null when absent. */
  private static Map<String, Object> parameters(JsonNode entry) {
    JsonNode node = entry.get("parameters");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidRequestException("Invalid value for 'parameters': expected an object");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            field ->
                parameters.put(
                    field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
    return parameters;
  }

  private static Object fromJson(Filter filter, JsonNode node, Set<String> operators) {
    String name = filter.name();
    return switch (filter.type()) {
      case STRING -> {
        if (!node.isValueNode()) {
          throw wrongType(name, "a string");
        }
        yield node.asText();
      }
      case STRING_LIST -> {
        if (!node.isArray()) {
          throw wrongType(name, "an array of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        yield values;
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw wrongType(name, "a boolean");
        }
        yield node.booleanValue();
      }
      case INTEGER -> {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
          throw wrongType(name, "an integer");
        }
        yield node.intValue();
      }
      case LONG -> {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
          throw wrongType(name, "an integer");
        }
        yield node.longValue();
      }
      case DATE -> date(name, node);
      case DATE_CONDITIONS -> {
        if (!node.isArray()) {
          throw wrongType(name, "an array of {operator, value} objects");
        }
        List<DateCondition> conditions = new ArrayList<>();
        for (JsonNode item : node) {
          conditions.add(condition(name, text(item, "operator"), date(name, item.get("value")), operators));
        }
        yield conditions;
      }
      case VARIABLES -> {
        if (!node.isArray()) {
          throw wrongType(name, "an array of {name, operator, value} objects");
        }
        yield VariableQueries.conditions(
            java.util.Arrays.asList(JsonBodies.bind(node, VariableQueryParameterDto[].class)));
      }
    };
  }

  /** Camunda's query-string form: {@code gt_2026-01-02T03:04:05.000+0000,lt_…}. */
  private static List<DateCondition> conditionsFromText(
      String name, String text, Set<String> operators) {
    List<DateCondition> conditions = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int underscore = trimmed.indexOf('_');
      if (underscore < 1) {
        throw QueryParams.invalid(
            name, text, "condition query parameter has to have format OPERATOR_VALUE.");
      }
      Instant value =
          CamundaDates.parse(trimmed.substring(underscore + 1))
              .orElseThrow(
                  () ->
                      QueryParams.invalid(
                          name,
                          text,
                          "Cannot convert value \""
                              + trimmed.substring(underscore + 1)
                              + "\" to java type java.util.Date"));
      conditions.add(condition(name, trimmed.substring(0, underscore), value, operators));
    }
    return conditions;
  }

  private static DateCondition condition(
      String name, String operator, Instant value, Set<String> operators) {
    if (operator == null || !operators.contains(operator)) {
      throw new InvalidRequestException(
          "Invalid " + describe(name) + " comparator specified: " + operator);
    }
    return new DateCondition(operator, value);
  }

  private static String describe(String name) {
    return switch (name) {
      case "dueDates" -> "due date";
      case "createTimes" -> "create time";
      default -> name;
    };
  }

  /** A JSON date in the forms Camunda's JSON reader takes (its format, ISO offsets, epoch millis). */
  private static Instant date(String name, JsonNode node) {
    if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
      throw wrongType(name, "a date string");
    }
    return JsonBodies.bind(node, Instant.class);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static InvalidRequestException wrongType(String name, String expected) {
    return new InvalidRequestException(
        "Invalid value for '" + name + "': expected " + expected);
  }
}
