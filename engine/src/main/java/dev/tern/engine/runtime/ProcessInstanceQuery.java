package dev.tern.engine.runtime;

import dev.tern.engine.authorization.ReadableQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.InstanceQueryBuilder;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;

/**
 * A selection of process instances, with the filters of Camunda 7.24's {@code
 * ProcessInstanceQueryDto} (each declared once, in {@link #DEFINITION}). Set filters are ANDed;
 * each or-query's filters are ORed. Lists other than {@code processInstanceIds} are no filter when
 * empty, as in Camunda's DTO; an empty {@code processInstanceIds} is refused. {@code
 * caseInstanceId}, {@code superCaseInstance} and {@code subCaseInstance} match nothing (Tern has no
 * CMMN).
 */
public final class ProcessInstanceQuery extends ReadableQuery<ProcessInstanceQuery> {

  /** Selected with every query of instances. */
  static final String COLUMNS =
      "pi.id, pi.proc_def_id, pi.proc_def_key, pi.business_key, pi.tenant_id, pi.suspended,"
          + " pi.start_time, pi.start_user_id, pi.super_process_instance_id,"
          + " pi.root_process_instance_id";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_process_instance pi", "pi.id")
          .orQueries()
          .joinedIds("processInstanceIds", "pi.id", "Set of process instance ids is empty")
          .emptyListsUnset()
          .where(
              "deploymentId",
              Type.STRING,
              "pi.proc_def_id IN (SELECT d.id FROM tern_process_definition d WHERE d.deployment_id = ?)")
          .equalColumns("processDefinitionId", "processDefinitionKey")
          .anyOf("processDefinitionKeyIn", "pi.proc_def_key")
          .noneOf("processDefinitionKeyNotIn", "pi.proc_def_key")
          .equal("businessKey", "pi.business_key")
          .like("businessKeyLike", "pi.business_key")
          .matchingNothing("caseInstanceId", "superCaseInstance", "subCaseInstance")
          .equal("superProcessInstance", "pi.super_process_instance_id")
          .where(
              "subProcessInstance",
              Type.STRING,
              "pi.id IN (SELECT sub.super_process_instance_id FROM tern_process_instance sub"
                  + " WHERE sub.id = ?)")
          .flag("active", "pi.suspended = FALSE")
          .flag("suspended", "pi.suspended = TRUE")
          .related(
              "EXISTS (SELECT 1 FROM tern_incident i WHERE i.process_instance_id = pi.id",
              incident ->
                  incident
                      .exists("withIncident")
                      .equal("incidentId", "i.id")
                      .equal("incidentType", "i.incident_type")
                      .equal("incidentMessage", "i.incident_message")
                      .like("incidentMessageLike", "i.incident_message"))
          .tenants("pi.tenant_id")
          .flag(
              "processDefinitionWithoutTenantId",
              "pi.proc_def_id IN (SELECT d.id FROM tern_process_definition d WHERE d.tenant_id IS NULL)")
          .whereAny(
              "activityIdIn",
              "e.activity_id",
              "EXISTS (SELECT 1 FROM tern_execution e WHERE e.process_instance_id = pi.id AND ?)")
          .flag("rootProcessInstances", "pi.super_process_instance_id IS NULL")
          .flag(
              "leafProcessInstances",
              "NOT EXISTS (SELECT 1 FROM tern_process_instance child"
                  + " WHERE child.super_process_instance_id = pi.id)")
          .equal("rootProcessInstanceId", "pi.root_process_instance_id")
          .variables(new VariableConditionSql("tern_variable", "act_inst_id", null), "pi.id")
          .sort("instanceId", "pi.id")
          .sort("definitionId", "pi.proc_def_id")
          .sort("definitionKey", "pi.proc_def_key")
          .sort("businessKey", "pi.business_key")
          .sort("tenantId", "pi.tenant_id")
          .build();

  /** The {@code sortBy} values Camunda accepts for process instances. */
  public static final java.util.Set<String> SORT_BY = DEFINITION.sortKeys();

  /** A query with no filter set: every instance. */
  public ProcessInstanceQuery() {
    this(new FilterQuery(DEFINITION));
  }

  /** Instances the caller may read, of its tenants or of none. */
  private ProcessInstanceQuery(FilterQuery filters) {
    super(
        filters,
        "piq",
        ProcessInstanceQuery::new,
        Rule.instanceReadable("pi.id", "pi.proc_def_key", "pi.tenant_id"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction: {@link #set} takes any filter of {@link #DEFINITION} by name. */
  public static final class Builder extends InstanceQueryBuilder<ProcessInstanceQuery, Builder> {

    private Builder() {
      super(DEFINITION, ProcessInstanceQuery::new, ProcessInstanceQuery::filters);
    }
  }
}
