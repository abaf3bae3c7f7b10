package dev.tern.engine.task;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;
import java.util.List;

/**
 * A selection of tasks with the filters of Camunda 7.24's {@code TaskQueryDto} (each declared once,
 * in {@link #DEFINITION}). Candidate filters ({@code candidateUser}, {@code candidateGroup(s)},
 * {@code candidateGroupLike}) select unassigned tasks unless {@code includeAssignedTasks}, as in
 * Camunda; a candidate user also matches through the groups it is a member of. {@code
 * taskVariables} are the task's local variables, {@code processVariables} its instance's. The case
 * filters match nothing (Tern has no CMMN).
 */
public final class TaskQuery extends DeclaredQuery<TaskQuery> {

  private static final String CANDIDATE_LINK =
      "EXISTS (SELECT 1 FROM tern_task_identity_link l WHERE l.task_id = t.id"
          + " AND l.link_type = 'candidate' AND ";

  private static final String BUSINESS_KEY =
      "t.process_instance_id IN (SELECT p.id FROM tern_process_instance p WHERE ";

  private static final String DEFINITION_NAME =
      "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = t.proc_def_id AND ";

  public static final QueryDefinition DEFINITION =
      TaskQueryExpressions.declare(QueryDefinition.builder("tern_task t", "t.id"))
          .orQueries()
          .equalOrAnyOf("taskId", "t.id")
          .equalOrAnyOf("processInstanceId", "t.process_instance_id")
          .where("processInstanceBusinessKey", Type.STRING, BUSINESS_KEY + "p.business_key = ?)")
          .whereAny("processInstanceBusinessKeyIn", "p.business_key", BUSINESS_KEY + "?)")
          .filter(
              "processInstanceBusinessKeyLike",
              Type.STRING,
              (w, v, c) -> w.add(BUSINESS_KEY + likeOf(w, "p.business_key", v) + ")"))
          .equalColumns("processDefinitionId", "processDefinitionKey")
          .anyOf("processDefinitionKeyIn", "t.proc_def_key")
          .where("processDefinitionName", Type.STRING, DEFINITION_NAME + "d.name = ?)")
          .filter(
              "processDefinitionNameLike",
              Type.STRING,
              (w, v, c) -> w.add(DEFINITION_NAME + likeOf(w, "d.name", v) + ")"))
          .equal("executionId", "t.execution_id")
          .anyOf("activityInstanceIdIn", "t.activity_instance_id")
          .tenants("t.tenant_id", "includeTaskWithoutTenantId")
          .equal("assignee", "t.assignee")
          .like("assigneeLike", "t.assignee")
          .anyOf("assigneeIn", "t.assignee")
          .strings(
              "assigneeNotIn",
              (w, assignees, c) -> {
                // Camunda's ASSIGNEE_ NOT IN (…): an unassigned task is not selected
                if (!assignees.isEmpty()) {
                  w.add("t.assignee IS NOT NULL");
                  w.notIn("t.assignee", assignees);
                }
              })
          .equal("owner", "t.owner")
          .options("includeAssignedTasks")
          .filter(
              "candidateGroup",
              Type.STRING,
              (w, v, c) -> candidate(w, c, "l.group_id = " + w.bind(v)))
          .filter(
              "candidateGroupLike",
              Type.STRING,
              (w, v, c) -> candidate(w, c, likeOf(w, "l.group_id", v)))
          .strings(
              "candidateGroups",
              (w, groups, c) -> candidate(w, c, w.binds().anyOf("l.group_id", groups)))
          .filter(
              "candidateUser",
              Type.STRING,
              (w, v, c) -> {
                String user = w.bind(v);
                candidate(
                    w,
                    c,
                    "(l.user_id = "
                        + user
                        + " OR l.group_id IN (SELECT m.group_id FROM tern_group_member m"
                        + " WHERE m.user_id = "
                        + user
                        + "))");
              })
          .filter(
              "involvedUser",
              Type.STRING,
              (w, v, c) -> {
                String user = w.bind(v);
                w.add(
                    "(t.assignee = "
                        + user
                        + " OR t.owner = "
                        + user
                        + " OR EXISTS (SELECT 1 FROM tern_task_identity_link l"
                        + " WHERE l.task_id = t.id AND l.user_id = "
                        + user
                        + "))");
              })
          .flag("assigned", "t.assignee IS NOT NULL")
          .flag("unassigned", "t.assignee IS NULL")
          .equalOrAnyOf("taskDefinitionKey", "t.task_def_key")
          .noneOf("taskDefinitionKeyNotIn", "t.task_def_key")
          .like("taskDefinitionKeyLike", "t.task_def_key")
          // names and descriptions compare ignoring case, as Camunda's UPPER(…) comparisons do
          .filter("name", Type.STRING, (w, v, c) -> w.add(upper("t.name", "=", w, v)))
          .filter("nameNotEqual", Type.STRING, (w, v, c) -> w.add(upper("t.name", "<>", w, v)))
          .filter("nameLike", Type.STRING, (w, v, c) -> w.add(upper("t.name", "LIKE", w, v)))
          .filter("nameNotLike", Type.STRING, (w, v, c) -> w.add(upper("t.name", "NOT LIKE", w, v)))
          .filter("description", Type.STRING, (w, v, c) -> w.add(upper("t.description", "=", w, v)))
          .filter(
              "descriptionLike", Type.STRING, (w, v, c) -> w.add(upper("t.description", "LIKE", w, v)))
          .compare("priority", Type.INTEGER, "t.priority", "=")
          .compare("maxPriority", Type.INTEGER, "t.priority", "<=")
          .compare("minPriority", Type.INTEGER, "t.priority", ">=")
          .date("dueDate", "t.due_date", "=")
          .dateRange("due", "t.due_date", false)
          .flag("withoutDueDate", "t.due_date IS NULL")
          .date("followUpDate", "t.follow_up_date", "=")
          .dateRange("followUp", "t.follow_up_date", false)
          .filter(
              "followUpBeforeOrNotExistent",
              Type.DATE,
              (w, v, c) ->
                  w.add("(t.follow_up_date IS NULL OR t.follow_up_date < " + w.bind(v) + ")"))
          .date("createdOn", "t.create_time", "=")
          .dateRange("created", "t.create_time", false)
          .date("updatedAfter", "t.last_updated", ">")
          .filter("delegationState", Type.STRING, TaskQuery::delegationState)
          .filter("withCandidateGroups", Type.BOOLEAN, (w, v, c) -> candidateFlag(w, v, c, "", "l.group_id"))
          .filter(
              "withoutCandidateGroups", Type.BOOLEAN, (w, v, c) -> candidateFlag(w, v, c, "NOT ", "l.group_id"))
          .filter("withCandidateUsers", Type.BOOLEAN, (w, v, c) -> candidateFlag(w, v, c, "", "l.user_id"))
          .filter(
              "withoutCandidateUsers", Type.BOOLEAN, (w, v, c) -> candidateFlag(w, v, c, "NOT ", "l.user_id"))
          .instanceSuspension("t.process_instance_id")
          .equal("parentTaskId", "t.parent_task_id")
          // what each listed task carries besides its fields (TaskPageDetails); no filter
          .options(
              TaskPageDetails.VARIABLES, TaskPageDetails.LOCAL_VARIABLES, TaskPageDetails.NOTES)
          .variables(
              "taskVariables", new VariableConditionSql("tern_task_variable", "task_id", null), "t.id")
          .variables(
              "processVariables",
              new VariableConditionSql("tern_variable", "process_instance_id", null),
              "t.process_instance_id")
          .matchingNothing(
              "caseInstanceId",
              "caseInstanceBusinessKey",
              "caseInstanceBusinessKeyLike",
              "caseDefinitionId",
              "caseDefinitionKey",
              "caseDefinitionName",
              "caseDefinitionNameLike",
              "caseExecutionId")
          .sort("instanceId", "t.process_instance_id")
          .sort("processInstanceId", "t.process_instance_id")
          .sort("dueDate", "t.due_date")
          .sort("executionId", "t.execution_id")
          .sort("assignee", "t.assignee")
          .sort("created", "t.create_time")
          .sort("lastUpdated", "t.last_updated")
          .sort("followUpDate", "t.follow_up_date")
          .sort("description", "t.description")
          .sort("id", "t.id")
          .sort("name", "t.name")
          .sort("nameCaseInsensitive", "LOWER(t.name)")
          .sort("priority", "t.priority")
          .sort("tenantId", "t.tenant_id")
          .sort(
              "processVariable",
              VariableSort.of("tern_variable", "process_instance_id", "t.process_instance_id"))
          .sort(
              "executionVariable",
              VariableSort.of("tern_variable", "process_instance_id", "t.process_instance_id"))
          .sort("taskVariable", VariableSort.of("tern_task_variable", "task_id", "t.id"))
          .sort("caseInstanceVariable", VariableSort.ofCase())
          .sort("caseExecutionVariable", VariableSort.ofCase())
          .build();

  /** Candidate filters: a candidate link meeting {@code linkCondition}, unassigned by default. */
  private static void candidate(
      Predicates where, QueryDefinition.Context context, String linkCondition) {
    where.add(unassignedUnlessIncluded(context, CANDIDATE_LINK + linkCondition + ")"));
  }

  /**
   * The condition, and {@code t.assignee IS NULL} unless {@code includeAssignedTasks}: one part, so
   * that in an or-query the two stay one alternative.
   */
  private static String unassignedUnlessIncluded(QueryDefinition.Context context, String condition) {
    return Boolean.TRUE.equals(context.values().get("includeAssignedTasks"))
        ? condition
        : "(" + condition + " AND t.assignee IS NULL)";
  }

  /**
   * With or without a candidate group (user) link: unassigned tasks only unless {@code
   * includeAssignedTasks}, as Camunda's candidate block of the task query.
   */
  private static void candidateFlag(
      Predicates where, Object value, QueryDefinition.Context context, String not, String column) {
    if (!Boolean.TRUE.equals(value)) {
      return;
    }
    where.add(unassignedUnlessIncluded(context, not + CANDIDATE_LINK + column + " IS NOT NULL)"));
  }

  /** {@code UPPER(column) <operator> UPPER(value)}: NULL columns never match. */
  private static String upper(String column, String operator, Predicates where, Object value) {
    return "UPPER(" + column + ") " + operator + " UPPER(" + where.bind(value) + ")";
  }

  private static String likeOf(Predicates where, String column, Object pattern) {
    Predicates inner = new Predicates(where.binds());
    inner.like(column, (String) pattern);
    return inner.and();
  }

  private static void delegationState(
      Predicates where, Object value, QueryDefinition.Context context) {
    String state = String.valueOf(value).toUpperCase(java.util.Locale.ROOT);
    if (!state.equals("PENDING") && !state.equals("RESOLVED")) {
      throw new InvalidRequestException(
          "Valid values for property 'delegationState' are 'PENDING' or 'RESOLVED', but was '"
              + value
              + "'");
    }
    where.eq("t.delegation_state", state);
  }

  /** A query with no filter set: every task. */
  public TaskQuery() {
    this(new FilterQuery(DEFINITION));
  }

  TaskQuery(FilterQuery filters) {
    super(filters, "tq");
  }
}
