package dev.tern.engine.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Shorthands for the filters Camunda's runtime and historic process-instance queries share by name
 * (and meaning): definition key, instance ids, activities, tenants and variables.
 */
public abstract class InstanceQueryBuilder<Q, B extends InstanceQueryBuilder<Q, B>>
    extends QueryBuilder<Q, B> {

  protected InstanceQueryBuilder(
      QueryDefinition definition,
      Function<FilterQuery, Q> create,
      Function<Q, FilterQuery> filtersOf) {
    super(definition, create, filtersOf);
  }

  public B processDefinitionKey(String key) {
    return set("processDefinitionKey", key);
  }

  public B processInstanceIds(Collection<String> ids) {
    return set("processInstanceIds", ids == null ? null : List.copyOf(ids));
  }

  public B activityIdIn(String... activityIds) {
    return set("activityIdIn", Arrays.asList(activityIds));
  }

  public B tenantIdIn(String... tenantIds) {
    return set("tenantIdIn", Arrays.asList(tenantIds));
  }

  public B variables(Collection<VariableCondition> conditions) {
    return set("variables", conditions == null ? null : List.copyOf(conditions));
  }
}
