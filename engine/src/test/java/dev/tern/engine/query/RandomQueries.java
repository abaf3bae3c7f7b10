package dev.tern.engine.query;

import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.QuerySnapshot.Variable;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Generates queries whose filter values mostly come from the data (so they select something) and
 * sometimes do not (so they select nothing): single filters, combinations, or-queries, negations,
 * variable conditions with every operator and the ignore-case flags.
 */
final class RandomQueries {

  private static final List<String> ACTIVITIES =
      List.of("review", "approve", "charge", "ship", "wait", "remind", "start", "end");
  private static final List<String> TENANTS = List.of("t1", "t2", "t3");
  private static final List<String> STATES =
      List.of("active", "suspended", "completed", "externallyTerminated", "internallyTerminated");

  private final Random random;
  private final QuerySnapshot data;

  RandomQueries(Random random, QuerySnapshot data) {
    this.random = random;
    this.data = data;
  }

  ProcessInstanceQuery processInstanceQuery() {
    ProcessInstanceQuery.Builder query = ProcessInstanceQuery.builder();
    applySome(query, processInstanceFilters(false));
    if (random.nextInt(3) == 0) {
      List<ProcessInstanceQuery> ors = new ArrayList<>();
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        ProcessInstanceQuery.Builder or = ProcessInstanceQuery.builder();
        applySome(or, processInstanceFilters(true));
        ors.add(or.build());
      }
      query.orQueries(ors);
    }
    return query.build();
  }

  HistoricProcessInstanceQuery historicQuery() {
    HistoricProcessInstanceQuery.Builder query = HistoricProcessInstanceQuery.builder();
    applySome(query, historicFilters());
    if (random.nextBoolean()) {
      withState(query, pick(STATES));
    }
    if (random.nextInt(3) == 0) {
      List<HistoricProcessInstanceQuery> ors = new ArrayList<>();
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        HistoricProcessInstanceQuery.Builder or = HistoricProcessInstanceQuery.builder();
        applySome(or, historicFilters());
        if (random.nextBoolean()) {
          withState(or, pick(STATES));
          withState(or, pick(STATES));
        }
        ors.add(or.build());
      }
      query.orQueries(ors);
    }
    if (random.nextInt(3) == 0) {
      variables(query::variables, v -> query.set("variableNamesIgnoreCase", v), v -> query.set("variableValuesIgnoreCase", v), data.historicVariables());
    }
    return query.build();
  }

  void jobFilters(JobQuery query) {
    List<Consumer<JobQuery>> filters = jobFilterList();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      pick(filters).accept(query);
    }
  }

  private <B> void applySome(B builder, List<Consumer<B>> filters) {
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      pick(filters).accept(builder);
    }
  }

  private List<Consumer<ProcessInstanceQuery.Builder>> processInstanceFilters(boolean orQuery) {
    List<String> ids = map(data.instances(), QuerySnapshot.Instance::id);
    List<Consumer<ProcessInstanceQuery.Builder>> f = new ArrayList<>();
    f.add(b -> b.set("processInstanceIds", some(ids, "no-such-instance")));
    f.add(b -> b.set("processDefinitionId", one(map(data.definitions(), QuerySnapshot.Definition::id))));
    f.add(b -> b.set("processDefinitionKey", one(keys())));
    f.add(b -> b.set("processDefinitionKeyIn", some(keys(), "nope")));
    f.add(b -> b.set("processDefinitionKeyNotIn", some(keys(), "nope")));
    f.add(b -> b.set("businessKey", one(map(data.instances(), QuerySnapshot.Instance::businessKey))));
    f.add(b -> b.set("businessKeyLike", pick(List.of("bk-1%", "%5", "bk-_", "%"))));
    f.add(b -> b.set("deploymentId", one(map(data.definitions(), QuerySnapshot.Definition::deploymentId))));
    f.add(b -> b.set("superProcessInstance", one(ids)));
    f.add(b -> b.set("subProcessInstance", one(ids)));
    f.add(b -> b.set("active", true));
    f.add(b -> b.set("suspended", true));
    f.add(b -> b.set("withIncident", true));
    f.add(b -> b.set("incidentId", one(map(data.incidents(), QuerySnapshot.Incident::id))));
    f.add(b -> b.set("incidentType", pick(List.of("failedJob", "other"))));
    f.add(b -> b.set("incidentMessage", one(map(data.incidents(), QuerySnapshot.Incident::message))));
    f.add(b -> b.set("incidentMessageLike", pick(List.of("declined%", "%ob%", "%carol"))));
    f.add(b -> b.set("tenantIdIn", some(TENANTS, "t9")));
    f.add(b -> b.set("withoutTenantId", true));
    f.add(b -> b.set("processDefinitionWithoutTenantId", true));
    f.add(b -> b.set("activityIdIn", some(ACTIVITIES, "nowhere")));
    f.add(b -> b.set("rootProcessInstances", true));
    f.add(b -> b.set("leafProcessInstances", true));
    f.add(b -> b.set("rootProcessInstanceId", one(ids)));
    f.add(b -> b.set("caseInstanceId", "case-1"));
    Consumer<ProcessInstanceQuery.Builder> vars =
        b -> variables(b::variables, v -> b.set("variableNamesIgnoreCase", v), v -> b.set("variableValuesIgnoreCase", v), data.variables());
    f.add(vars);
    f.add(vars);
    f.add(vars);
    return f;
  }

  private List<Consumer<HistoricProcessInstanceQuery.Builder>> historicFilters() {
    List<QuerySnapshot.HistoricInstance> instances = data.historicInstances();
    List<String> ids = map(instances, QuerySnapshot.HistoricInstance::id);
    List<Instant> starts = map(instances, QuerySnapshot.HistoricInstance::start);
    List<Instant> ends = map(instances, QuerySnapshot.HistoricInstance::end);
    List<Instant> activityTimes =
        data.historicActivities().stream()
            .flatMap(a -> Stream.of(a.start(), a.end()))
            .filter(Objects::nonNull)
            .toList();
    List<Instant> jobTimes = map(data.jobLogs(), QuerySnapshot.JobLog::time);
    List<Consumer<HistoricProcessInstanceQuery.Builder>> f = new ArrayList<>();
    f.add(b -> b.set("processInstanceId", one(ids)));
    f.add(b -> b.set("processInstanceIds", some(ids, "no-such-instance")));
    f.add(b -> b.set("processInstanceIdNotIn", some(ids, "no-such-instance")));
    f.add(b -> b.set("processDefinitionId", one(map(data.definitions(), QuerySnapshot.Definition::id))));
    f.add(b -> b.set("processDefinitionKey", one(keys())));
    f.add(b -> b.set("processDefinitionKeyIn", some(keys(), "nope")));
    f.add(b -> b.set("processDefinitionKeyNotIn", some(keys(), "nope")));
    f.add(b -> b.set("processDefinitionName", one(map(instances, QuerySnapshot.HistoricInstance::definitionName))));
    f.add(b -> b.set("processDefinitionNameLike", pick(List.of("Order%", "%ment", "%with%"))));
    f.add(b -> b.set("processInstanceBusinessKey", one(map(instances, QuerySnapshot.HistoricInstance::businessKey))));
    f.add(b -> b.set("processInstanceBusinessKeyIn", some(map(instances, QuerySnapshot.HistoricInstance::businessKey), "bk-x")));
    f.add(b -> b.set("processInstanceBusinessKeyLike", pick(List.of("bk-1%", "%5", "bk-_"))));
    f.add(b -> b.set("rootProcessInstances", true));
    f.add(b -> b.set("rootProcessInstanceId", one(ids)));
    f.add(b -> b.set("finished", true));
    f.add(b -> b.set("unfinished", true));
    f.add(b -> b.set("withJobsRetrying", true));
    f.add(b -> b.set("withIncidents", true));
    f.add(b -> b.set("withRootIncidents", true));
    f.add(b -> b.set("incidentIdIn", some(map(data.historicIncidents(), QuerySnapshot.HistoricIncident::id), "inc-x")));
    f.add(b -> b.set("incidentType", pick(List.of("failedJob", "other"))));
    f.add(b -> b.set("incidentStatus", pick(List.of("open", "resolved"))));
    f.add(b -> b.set("incidentMessage", one(map(data.historicIncidents(), QuerySnapshot.HistoricIncident::message))));
    f.add(b -> b.set("incidentMessageLike", pick(List.of("declined%", "%ob%", "%carol"))));
    f.add(b -> b.set("startedBefore", time(starts)));
    f.add(b -> b.set("startedAfter", time(starts)));
    f.add(b -> b.set("finishedBefore", time(ends)));
    f.add(b -> b.set("finishedAfter", time(ends)));
    f.add(b -> b.set("executedActivityBefore", time(activityTimes)));
    f.add(b -> b.set("executedActivityAfter", time(activityTimes)));
    f.add(b -> b.set("executedJobBefore", time(jobTimes)));
    f.add(b -> b.set("executedJobAfter", time(jobTimes)));
    f.add(b -> b.set("startedBy", "nobody"));
    f.add(b -> b.set("superProcessInstanceId", one(ids)));
    f.add(b -> b.set("subProcessInstanceId", one(ids)));
    f.add(b -> b.set("tenantIdIn", some(TENANTS, "t9")));
    f.add(b -> b.set("withoutTenantId", true));
    f.add(b -> b.set("activityIdIn", some(ACTIVITIES, "nowhere")));
    f.add(b -> b.set("executedActivityIdIn", some(ACTIVITIES, "nowhere")));
    f.add(b -> b.set("activeActivityIdIn", some(ACTIVITIES, "nowhere")));
    f.add(b -> b.set("superCaseInstanceId", "case-1"));
    f.add(b -> variables(b::variables, v -> b.set("variableNamesIgnoreCase", v), v -> b.set("variableValuesIgnoreCase", v), data.historicVariables()));
    return f;
  }

  private List<Consumer<JobQuery>> jobFilterList() {
    List<QuerySnapshot.Job> jobs = data.jobs();
    List<Instant> dueDates = map(jobs, QuerySnapshot.Job::dueDate);
    List<Instant> createTimes = map(jobs, QuerySnapshot.Job::createTime);
    List<Consumer<JobQuery>> f = new ArrayList<>();
    f.add(q -> q.filters().set("jobId", one(map(jobs, QuerySnapshot.Job::id))));
    f.add(q -> q.filters().set("jobIds", some(map(jobs, QuerySnapshot.Job::id), "no-such-job")));
    f.add(q -> q.filters().set("jobDefinitionId", one(map(jobs, QuerySnapshot.Job::jobDefinitionId))));
    f.add(q -> q.filters().set("processInstanceId", one(map(jobs, QuerySnapshot.Job::processInstanceId))));
    f.add(q -> q.filters().set("processInstanceIds", some(map(jobs, QuerySnapshot.Job::processInstanceId), "pi-x")));
    f.add(q -> q.filters().set("executionId", one(map(jobs, QuerySnapshot.Job::executionId))));
    f.add(q -> q.filters().set("processDefinitionId", one(map(jobs, QuerySnapshot.Job::definitionId))));
    f.add(q -> q.filters().set("processDefinitionKey", one(keys())));
    f.add(q -> q.filters().set("activityId", pick(ACTIVITIES)));
    for (String flag :
        List.of(
            "withRetriesLeft", "noRetriesLeft", "executable", "timers", "messages", "withException",
            "active", "suspended", "withoutTenantId", "acquired", "includeJobsWithoutTenantId")) {
      f.add(q -> q.filters().set(flag, true));
    }
    f.add(q -> q.filters().set("exceptionMessage", one(map(jobs, QuerySnapshot.Job::exceptionMessage))));
    f.add(q -> q.filters().set("failedActivityId", pick(ACTIVITIES)));
    f.add(q -> q.filters().set("priorityLowerThanOrEquals", (long) random.nextInt(3) - 1));
    f.add(q -> q.filters().set("priorityHigherThanOrEquals", (long) random.nextInt(3) - 1));
    f.add(q -> q.filters().set("dueDates", dateConditions(dueDates)));
    f.add(q -> q.filters().set("createTimes", dateConditions(createTimes)));
    f.add(q -> q.filters().set("tenantIdIn", some(TENANTS, "t9")));
    return f;
  }

  private List<DateCondition> dateConditions(List<Instant> times) {
    List<DateCondition> conditions = new ArrayList<>();
    for (int n = 1 + random.nextInt(2); n > 0; n--) {
      conditions.add(new DateCondition(random.nextBoolean() ? "gt" : "lt", time(times)));
    }
    return conditions;
  }

  private void withState(HistoricProcessInstanceQuery.Builder b, String state) {
    switch (state) {
      case "active" -> b.set("active", true);
      case "suspended" -> b.set("suspended", true);
      case "completed" -> b.set("completed", true);
      case "externallyTerminated" -> b.set("externallyTerminated", true);
      default -> b.set("internallyTerminated", true);
    }
  }

  /** Sets one or two variable conditions and, at random, the ignore-case flags. */
  private void variables(
      Consumer<Collection<VariableCondition>> conditions,
      Consumer<Boolean> namesIgnoreCase,
      Consumer<Boolean> valuesIgnoreCase,
      List<Variable> pool) {
    boolean names = random.nextInt(4) == 0;
    boolean values = random.nextInt(3) == 0;
    namesIgnoreCase.accept(names);
    valuesIgnoreCase.accept(values);
    List<VariableCondition> list = new ArrayList<>();
    for (int n = 1 + random.nextInt(2); n > 0; n--) {
      list.add(condition(pool, names, values));
    }
    conditions.accept(list);
  }

  private VariableCondition condition(List<Variable> pool, boolean namesIgnoreCase, boolean valuesIgnoreCase) {
    Variable variable = pool.isEmpty() || random.nextInt(10) == 0 ? null : pick(pool);
    String name = variable == null ? "missing" : variable.name();
    if (namesIgnoreCase && random.nextBoolean()) {
      name = name.toUpperCase(Locale.ROOT);
    }
    Object value = random.nextInt(4) == 0 || variable == null ? anyValue() : valueOf(variable);
    return new VariableCondition(name, operatorFor(value, valuesIgnoreCase), value);
  }

  private VariableOperator operatorFor(Object value, boolean valuesIgnoreCase) {
    if (value == null || value instanceof Boolean) {
      return random.nextBoolean() ? VariableOperator.EQ : VariableOperator.NEQ;
    }
    List<VariableOperator> all = List.of(VariableOperator.values());
    if (value instanceof String) {
      // collations order mixed case differently ("Bobby" < "bob" in C, not in en_US); lowered
      // values compare alike everywhere
      return valuesIgnoreCase
          ? pick(all)
          : pick(List.of(VariableOperator.EQ, VariableOperator.NEQ, VariableOperator.LIKE));
    }
    return pick(all.subList(0, all.size() - 1));
  }

  private Object valueOf(Variable v) {
    return switch (v.type()) {
      case "string" -> random.nextInt(3) == 0 ? v.text().substring(0, 1) + "%" : v.text();
      case "integer", "short" -> v.longValue().intValue();
      case "long" -> v.longValue();
      case "double" -> v.doubleValue();
      case "boolean" -> v.longValue() == 1L;
      case "date" -> Instant.ofEpochMilli(v.longValue());
      default -> null;
    };
  }

  private Object anyValue() {
    return switch (random.nextInt(7)) {
      case 0 -> pick(VarietyData.NAMES);
      case 1 -> random.nextInt(200);
      case 2 -> random.nextInt(400) / 2.0;
      case 3 -> (long) random.nextInt(5);
      case 4 -> random.nextBoolean();
      case 5 -> Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(10)));
      default -> null;
    };
  }

  private List<String> keys() {
    return List.of("order", "payment", "reminder", "unknown");
  }

  /** A time from the list (exactly, to probe inclusive bounds) or next to one. */
  private Instant time(List<Instant> times) {
    List<Instant> known = times.stream().filter(Objects::nonNull).toList();
    Instant base = known.isEmpty() ? Instant.parse("2026-01-02T00:00:00Z") : pick(known);
    return random.nextBoolean() ? base : base.plusSeconds(random.nextBoolean() ? 1 : -1);
  }

  /** A value that occurs in the data (nulls skipped), now and then one that does not. */
  private String one(List<String> values) {
    List<String> known = values.stream().filter(Objects::nonNull).toList();
    return known.isEmpty() || random.nextInt(8) == 0 ? "no-such-value" : pick(known);
  }

  private List<String> some(List<String> values, String unknown) {
    List<String> known = values.stream().filter(Objects::nonNull).distinct().toList();
    List<String> result = new ArrayList<>();
    for (int n = 1 + random.nextInt(3); n > 0 && !known.isEmpty(); n--) {
      result.add(pick(known));
    }
    if (result.isEmpty() || random.nextInt(4) == 0) {
      result.add(unknown);
    }
    return result;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T, R> List<R> map(List<T> rows, Function<T, R> column) {
    return rows.stream().map(column).toList();
  }
}
