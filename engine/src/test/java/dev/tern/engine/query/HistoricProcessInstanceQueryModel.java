package dev.tern.engine.query;

import static dev.tern.engine.query.ProcessInstanceQueryModel.eq;
import static dev.tern.engine.query.ProcessInstanceQueryModel.flag;
import static dev.tern.engine.query.ProcessInstanceQueryModel.in;

import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.query.QuerySnapshot.HistoricActivity;
import dev.tern.engine.query.QuerySnapshot.HistoricIncident;
import dev.tern.engine.query.QuerySnapshot.HistoricInstance;
import dev.tern.engine.query.QuerySnapshot.Variable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Evaluates a {@link HistoricProcessInstanceQuery} over a {@link QuerySnapshot} in plain Java. */
final class HistoricProcessInstanceQueryModel {

  private final QuerySnapshot data;

  HistoricProcessInstanceQueryModel(QuerySnapshot data) {
    this.data = data;
  }

  Set<String> ids(HistoricProcessInstanceQuery query) {
    return data.historicInstances().stream()
        .filter(hpi -> matches(query, hpi, false))
        .filter(
            hpi ->
                query.orQueries() == null
                    || query.orQueries().stream().allMatch(or -> matches(or, hpi, true)))
        .map(HistoricInstance::id)
        .collect(Collectors.toSet());
  }

  private boolean matches(HistoricProcessInstanceQuery q, HistoricInstance hpi, boolean orQuery) {
    List<Boolean> terms = new ArrayList<>();
    eq(terms, q.processInstanceId(), hpi.id());
    in(terms, q.processInstanceIds(), hpi.id());
    if (q.processInstanceIdNotIn() != null && !q.processInstanceIdNotIn().isEmpty()) {
      terms.add(!q.processInstanceIdNotIn().contains(hpi.id()));
    }
    eq(terms, q.processDefinitionId(), hpi.definitionId());
    eq(terms, q.processDefinitionKey(), hpi.definitionKey());
    in(terms, q.processDefinitionKeyIn(), hpi.definitionKey());
    if (q.processDefinitionKeyNotIn() != null && !q.processDefinitionKeyNotIn().isEmpty()) {
      terms.add(!q.processDefinitionKeyNotIn().contains(hpi.definitionKey()));
    }
    eq(terms, q.processDefinitionName(), hpi.definitionName());
    like(terms, q.processDefinitionNameLike(), hpi.definitionName());
    eq(terms, q.processInstanceBusinessKey(), hpi.businessKey());
    in(terms, q.processInstanceBusinessKeyIn(), hpi.businessKey());
    like(terms, q.processInstanceBusinessKeyLike(), hpi.businessKey());
    flag(terms, q.rootProcessInstances(), hpi.superId() == null);
    eq(terms, q.rootProcessInstanceId(), hpi.rootId());
    flag(terms, q.finished(), hpi.end() != null);
    flag(terms, q.unfinished(), hpi.end() == null);
    flag(
        terms,
        q.withJobsRetrying(),
        data.jobs().stream()
            .anyMatch(
                j ->
                    hpi.id().equals(j.processInstanceId())
                        && j.retries() > 0
                        && j.exceptionMessage() != null));
    incidents(q, hpi, orQuery, terms);
    atMost(terms, q.startedBefore(), hpi.start());
    atLeast(terms, q.startedAfter(), hpi.start());
    atMost(terms, q.finishedBefore(), hpi.end());
    atLeast(terms, q.finishedAfter(), hpi.end());
    List<HistoricActivity> activities =
        data.historicActivities().stream()
            .filter(a -> a.processInstanceId().equals(hpi.id()))
            .toList();
    if (q.executedActivityAfter() != null) {
      Instant t = q.executedActivityAfter();
      terms.add(activities.stream().anyMatch(a -> notBefore(a.start(), t) || notBefore(a.end(), t)));
    }
    if (q.executedActivityBefore() != null) {
      Instant t = q.executedActivityBefore();
      terms.add(activities.stream().anyMatch(a -> notAfter(a.start(), t) || notAfter(a.end(), t)));
    }
    if (q.executedJobAfter() != null) {
      terms.add(
          data.jobLogs().stream()
              .anyMatch(
                  l -> hpi.id().equals(l.processInstanceId()) && notBefore(l.time(), q.executedJobAfter())));
    }
    if (q.executedJobBefore() != null) {
      terms.add(
          data.jobLogs().stream()
              .anyMatch(
                  l -> hpi.id().equals(l.processInstanceId()) && notAfter(l.time(), q.executedJobBefore())));
    }
    eq(terms, q.startedBy(), hpi.startUserId());
    eq(terms, q.superProcessInstanceId(), hpi.superId());
    if (q.subProcessInstanceId() != null) {
      terms.add(
          data.historicInstances().stream()
              .anyMatch(s -> s.id().equals(q.subProcessInstanceId()) && hpi.id().equals(s.superId())));
    }
    if (q.caseInstanceId() != null
        || q.superCaseInstanceId() != null
        || q.subCaseInstanceId() != null) {
      terms.add(false);
    }
    in(terms, q.tenantIdIn(), hpi.tenantId());
    flag(terms, q.withoutTenantId(), hpi.tenantId() == null);
    if (q.activityIdIn() != null && !q.activityIdIn().isEmpty()) {
      terms.add(
          activities.stream().anyMatch(a -> a.end() == null && q.activityIdIn().contains(a.activityId()))
              || data.incidents().stream()
                  .anyMatch(
                      i ->
                          hpi.id().equals(i.processInstanceId())
                              && i.activityId() != null
                              && q.activityIdIn().contains(i.activityId())));
    }
    if (q.executedActivityIdIn() != null && !q.executedActivityIdIn().isEmpty()) {
      terms.add(
          activities.stream()
              .anyMatch(a -> a.end() != null && q.executedActivityIdIn().contains(a.activityId())));
    }
    if (q.activeActivityIdIn() != null && !q.activeActivityIdIn().isEmpty()) {
      terms.add(
          activities.stream()
              .anyMatch(a -> a.end() == null && q.activeActivityIdIn().contains(a.activityId())));
    }
    flag(terms, q.active(), hpi.state().equals("ACTIVE"));
    flag(terms, q.suspended(), hpi.state().equals("SUSPENDED"));
    flag(terms, q.completed(), hpi.state().equals("COMPLETED"));
    flag(terms, q.externallyTerminated(), hpi.state().equals("EXTERNALLY_TERMINATED"));
    flag(terms, q.internallyTerminated(), hpi.state().equals("INTERNALLY_TERMINATED"));
    if (q.variables() != null) {
      List<Variable> own =
          data.historicVariables().stream()
              .filter(v -> v.processInstanceId().equals(hpi.id()) && v.state().equals("CREATED"))
              .toList();
      for (VariableCondition condition : q.variables()) {
        terms.add(
            VariableMatch.any(
                own, condition, q.variableNamesIgnoreCase(), q.variableValuesIgnoreCase()));
      }
    }
    return orQuery ? terms.isEmpty() || terms.contains(true) : !terms.contains(false);
  }

  private void incidents(
      HistoricProcessInstanceQuery q, HistoricInstance hpi, boolean orQuery, List<Boolean> terms) {
    List<Predicate<HistoricIncident>> filters = new ArrayList<>();
    if (q.incidentIdIn() != null && !q.incidentIdIn().isEmpty()) {
      filters.add(i -> q.incidentIdIn().contains(i.id()));
    }
    if (q.incidentType() != null) {
      filters.add(i -> i.type().equals(q.incidentType()));
    }
    if (q.incidentMessage() != null) {
      filters.add(i -> q.incidentMessage().equals(i.message()));
    }
    if (q.incidentMessageLike() != null) {
      filters.add(i -> i.message() != null && VariableMatch.like(i.message(), q.incidentMessageLike()));
    }
    if (q.incidentStatus() != null) {
      int state = q.incidentStatus().equals("open") ? 0 : 1;
      filters.add(i -> i.state() == state);
    }
    if (q.withRootIncidents()) {
      filters.add(i -> i.rootCauseId() == null || i.rootCauseId().equals(i.id()));
    }
    List<HistoricIncident> own =
        data.historicIncidents().stream()
            .filter(i -> hpi.id().equals(i.processInstanceId()))
            .toList();
    if (orQuery) {
      flag(terms, q.withIncidents(), !own.isEmpty());
      filters.forEach(f -> terms.add(own.stream().anyMatch(f)));
    } else if (q.withIncidents() || !filters.isEmpty()) {
      terms.add(own.stream().anyMatch(i -> filters.stream().allMatch(f -> f.test(i))));
    }
  }

  private static void like(List<Boolean> terms, String pattern, String actual) {
    if (pattern != null) {
      terms.add(actual != null && VariableMatch.like(actual, pattern));
    }
  }

  private static void atMost(List<Boolean> terms, Instant bound, Instant actual) {
    if (bound != null) {
      terms.add(notAfter(actual, bound));
    }
  }

  private static void atLeast(List<Boolean> terms, Instant bound, Instant actual) {
    if (bound != null) {
      terms.add(notBefore(actual, bound));
    }
  }

  private static boolean notBefore(Instant actual, Instant bound) {
    return actual != null && !actual.isBefore(bound);
  }

  private static boolean notAfter(Instant actual, Instant bound) {
    return actual != null && !actual.isAfter(bound);
  }
}
