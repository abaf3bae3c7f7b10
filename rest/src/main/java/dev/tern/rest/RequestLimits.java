package dev.tern.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.FieldLimits;
import dev.tern.engine.query.QueryLimits;
import dev.tern.rest.support.CamundaJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's {@link QueryLimits} (variable conditions, or-queries, sort entries, LIKE patterns),
 * checked on every query string and JSON body before a resource sees them, so that a request is
 * refused before it is parsed into a query, whatever its family; and ids in id lists ({@code …Ids},
 * {@code …IdIn}) no longer than an id column. The engine enforces the query limits again for
 * embedded use.
 */
final class RequestLimits implements Handler {

  static final int MAX_VARIABLE_CONDITIONS = QueryLimits.MAX_VARIABLE_CONDITIONS;
  static final int MAX_OR_QUERIES = QueryLimits.MAX_OR_QUERIES;
  static final int MAX_SORTING = QueryLimits.MAX_SORTING;

  private static final Set<String> VARIABLE_CONDITIONS =
      Set.of("variables", "processVariables", "taskVariables", "caseInstanceVariables");

  @Override
  public void handle(Context ctx) {
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      for (String value : param.getValue()) {
        checkQueryParam(param.getKey(), value);
      }
    }
    String contentType = ctx.contentType();
    if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
      byte[] bytes = ctx.bodyAsBytes(); // over the size limit: Javalin's 413
      if (bytes.length == 0) {
        return;
      }
      JsonNode body;
      try {
        body = CamundaJson.mapper().readTree(bytes);
      } catch (java.io.IOException e) {
        return; // the resource reports malformed JSON in its own words
      }
      checkJson(body);
    }
  }

  private static void checkQueryParam(String name, String value) {
    if (name.endsWith("Like")) {
      checkLike(name, value);
    } else if (VARIABLE_CONDITIONS.contains(name)) {
      checkCount(name, value.split(",", -1).length, MAX_VARIABLE_CONDITIONS);
    } else if (isIdList(name)) {
      FieldLimits.requireEachAtMost(name + " entry", List.of(value.split(",", -1)), FieldLimits.ID);
    }
  }

  private static void checkJson(JsonNode node) {
    if (node.isArray()) {
      node.forEach(RequestLimits::checkJson);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isTextual() && name.endsWith("Like")) {
        checkLike(name, value.asText());
      } else if (value.isArray()) {
        if (name.equals("orQueries")) {
          checkCount(name, value.size(), MAX_OR_QUERIES);
        } else if (name.equals("sorting")) {
          checkCount(name, value.size(), MAX_SORTING);
        } else if (VARIABLE_CONDITIONS.contains(name)) {
          checkCount(name, value.size(), MAX_VARIABLE_CONDITIONS);
        } else if (isIdList(name)) {
          for (JsonNode id : value) {
            if (id.isTextual()) {
              FieldLimits.requireAtMost(name + " entry", id.asText(), FieldLimits.ID);
            }
          }
        }
      }
      checkJson(value);
    }
  }

  private static boolean isIdList(String name) {
    return name.endsWith("Ids") || name.endsWith("IdIn");
  }

  private static void checkCount(String name, int count, int max) {
    QueryLimits.requireAtMost(name, count, max);
  }

  private static void checkLike(String name, String pattern) {
    QueryLimits.requireLikePattern(name, pattern);
  }
}
