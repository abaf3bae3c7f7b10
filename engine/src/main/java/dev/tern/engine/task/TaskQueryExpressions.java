package dev.tern.engine.task;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code …Expression} filters of Camunda's task query, limited to what tasklists send: {@code
 * ${currentUser()}} (the caller's user id) and {@code ${currentUserGroups()}} (the caller's groups).
 * Any other expression is refused with a 400: evaluating a client's expression in the engine is
 * unsafe. Resolved per call, before the query is compiled, into the filter they stand for.
 */
final class TaskQueryExpressions {

  private static final Pattern CURRENT_USER = Pattern.compile("[$#]\\{\\s*currentUser\\(\\s*\\)\\s*}");
  private static final Pattern CURRENT_USER_GROUPS =
      Pattern.compile("[$#]\\{\\s*currentUserGroups\\(\\s*\\)\\s*}");

  /** Each expression filter and the filter its value sets. */
  static final Map<String, String> TARGETS = targets();

  private static Map<String, String> targets() {
    Map<String, String> targets = new LinkedHashMap<>();
    for (String name :
        List.of(
            "processInstanceBusinessKey", "processInstanceBusinessKeyLike", "assignee",
            "assigneeLike", "owner", "candidateGroup", "candidateGroups", "candidateUser",
            "involvedUser", "dueDate", "dueAfter", "dueBefore", "followUpDate", "followUpAfter",
            "followUpBefore", "followUpBeforeOrNotExistent", "createdOn", "createdAfter",
            "createdBefore", "updatedAfter")) {
      targets.put(name + "Expression", name);
    }
    return Map.copyOf(targets);
  }

  private TaskQueryExpressions() {}

  /** Declares the expression filters: a value is checked when the query is compiled. */
  static QueryDefinition.Builder declare(QueryDefinition.Builder builder) {
    for (String name : TARGETS.keySet()) {
      builder.filter(
          name,
          QueryDefinition.Type.STRING,
          (w, v, c) -> {
            value(name, (String) v, Caller.SYSTEM);
            // only reached unresolved (e.g. when a request is validated): selects nothing
            w.add("1 = 0");
          });
    }
    return builder;
  }

  /** A copy of the query with every expression replaced by its value for the caller. */
  static FilterQuery resolve(FilterQuery query, Caller caller) {
    if (!hasExpression(query)) {
      return query;
    }
    FilterQuery resolved = query.copy();
    replace(resolved, caller);
    resolved.orQueries().forEach(or -> replace(or, caller));
    return resolved;
  }

  private static boolean hasExpression(FilterQuery query) {
    return query.values().keySet().stream().anyMatch(TARGETS::containsKey)
        || query.orQueries().stream().anyMatch(TaskQueryExpressions::hasExpression);
  }

  private static void replace(FilterQuery query, Caller caller) {
    for (Map.Entry<String, Object> entry : Map.copyOf(query.values()).entrySet()) {
      String target = TARGETS.get(entry.getKey());
      if (target != null) {
        query.set(entry.getKey(), null);
        query.set(target, value(entry.getKey(), (String) entry.getValue(), caller));
      }
    }
  }

  /**
   * The value of a supported expression for the caller (null, so no filter, for a caller without
   * a user, as Camunda's {@code currentUser()} without an authenticated user).
   */
  private static Object value(String name, String expression, Caller caller) {
    String text = expression.trim();
    boolean groupsTarget = name.equals("candidateGroupsExpression");
    if (groupsTarget && CURRENT_USER_GROUPS.matcher(text).matches()) {
      return caller.userId() == null ? null : caller.groupIds();
    }
    boolean userTarget =
        !groupsTarget
            && !name.equals("candidateGroupExpression")
            && !name.startsWith("processInstanceBusinessKey")
            && !TARGETS.get(name).matches("due.*|followUp.*|created.*|updated.*");
    if (userTarget && CURRENT_USER.matcher(text).matches()) {
      return caller.userId();
    }
    throw new InvalidRequestException(
        "Cannot set query parameter '"
            + name
            + "' to value '"
            + expression
            + "': Tern evaluates only ${currentUser()} (in assignee, assigneeLike, owner,"
            + " candidateUser and involvedUser expressions) and ${currentUserGroups()} (in"
            + " candidateGroupsExpression); other expressions from a client are not evaluated");
  }
}
