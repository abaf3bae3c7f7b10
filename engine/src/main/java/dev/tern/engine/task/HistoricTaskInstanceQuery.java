package dev.tern.engine.task;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;

/**
 * A selection of historic task instances with the filters of Camunda 7.24's {@code
 * HistoricTaskInstanceQueryDto}. The case filters match nothing.
 */
public final class HistoricTaskInstanceQuery extends DeclaredQuery<HistoricTaskInstanceQuery> {

  private static final String INSTANCE =
      "h.process_instance_id IN (SELECT hp.id FROM tern_hi_process_instance hp WHERE ";

  private static final String LINK =
      "EXISTS (SELECT 1 FROM tern_hi_identity_link l WHERE l.task_id = h.id AND ";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_task h", "h.id")
          .equal("taskId", "h.id")
          .equal("taskParentTaskId", "h.parent_task_id")
          .equalColumns("processInstanceId", "rootProcessInstanceId")
          .where("processInstanceBusinessKey", Type.STRING, INSTANCE + "hp.business_key = ?)")
          .whereAny("processInstanceBusinessKeyIn", "hp.business_key", INSTANCE + "?)")
          .where(
              "processInstanceBusinessKeyLike", Type.STRING, INSTANCE + "hp.business_key LIKE ?)")
          .equalColumns("executionId", "processDefinitionId", "processDefinitionKey")
          .where(
              "processDefinitionName",
              Type.STRING,
              "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = h.proc_def_id"
                  + " AND d.name = ?)")
          .anyOf("activityInstanceIdIn", "h.activity_instance_id")
          .equal("taskName", "h.name")
          .like("taskNameLike", "h.name")
          .equal("taskDescription", "h.description")
          .like("taskDescriptionLike", "h.description")
          .equalOrAnyOf("taskDefinitionKey", "h.task_def_key")
          .equal("taskDeleteReason", "h.delete_reason")
          .like("taskDeleteReasonLike", "h.delete_reason")
          .equal("taskAssignee", "h.assignee")
          .like("taskAssigneeLike", "h.assignee")
          .equal("taskOwner", "h.owner")
          .like("taskOwnerLike", "h.owner")
          .compare("taskPriority", Type.INTEGER, "h.priority", "=")
          .flag("assigned", "h.assignee IS NOT NULL")
          .flag("unassigned", "h.assignee IS NULL")
          .flag("finished", "h.end_time IS NOT NULL")
          .flag("unfinished", "h.end_time IS NULL")
          .flag("processFinished", INSTANCE + "hp.end_time IS NOT NULL)")
          .flag("processUnfinished", INSTANCE + "hp.end_time IS NULL)")
          .date("taskDueDate", "h.due_date", "=")
          .dateRange("taskDueDate", "h.due_date", false)
          .flag("withoutTaskDueDate", "h.due_date IS NULL")
          .date("taskFollowUpDate", "h.follow_up_date", "=")
          .dateRange("taskFollowUpDate", "h.follow_up_date", false)
          .dateRange("started", "h.start_time", false)
          .dateRange("finished", "h.end_time", false)
          .tenants("h.tenant_id")
          .where(
              "taskInvolvedUser",
              Type.STRING,
              "(h.assignee = ? OR h.owner = ? OR " + LINK + "l.user_id = ?))")
          .where("taskInvolvedGroup", Type.STRING, LINK + "l.group_id = ?)")
          .where(
              "taskHadCandidateUser",
              Type.STRING,
              LINK + "l.link_type = 'candidate' AND l.user_id = ?)")
          .where(
              "taskHadCandidateGroup",
              Type.STRING,
              LINK + "l.link_type = 'candidate' AND l.group_id = ?)")
          .flag(
              "withCandidateGroups",
              LINK + "l.link_type = 'candidate' AND l.group_id IS NOT NULL)")
          .flag(
              "withoutCandidateGroups",
              "NOT " + LINK + "l.link_type = 'candidate' AND l.group_id IS NOT NULL)")
          .variables(
              "processVariables",
              new VariableConditionSql("tern_hi_variable", "process_instance_id", "v.state = 'CREATED'"),
              "h.process_instance_id")
          .matchingNothing(
              "caseInstanceId",
              "caseExecutionId",
              "caseDefinitionId",
              "caseDefinitionKey",
              "caseDefinitionName")
          .sort("taskId", "h.id")
          .sort("activityInstanceId", "h.activity_instance_id")
          .sort("processDefinitionId", "h.proc_def_id")
          .sort("processInstanceId", "h.process_instance_id")
          .sort("executionId", "h.execution_id")
          .sort("duration", "h.duration_ms")
          .sort("endTime", "h.end_time")
          .sort("startTime", "h.start_time")
          .sort("taskName", "h.name")
          .sort("taskDescription", "h.description")
          .sort("assignee", "h.assignee")
          .sort("owner", "h.owner")
          .sort("dueDate", "h.due_date")
          .sort("followUpDate", "h.follow_up_date")
          .sort("deleteReason", "h.delete_reason")
          .sort("taskDefinitionKey", "h.task_def_key")
          .sort("priority", "h.priority")
          .sort("tenantId", "h.tenant_id")
          .build();

  public HistoricTaskInstanceQuery() {
    this(new FilterQuery(DEFINITION));
  }

  HistoricTaskInstanceQuery(FilterQuery filters) {
    super(filters, "htq");
  }
}
