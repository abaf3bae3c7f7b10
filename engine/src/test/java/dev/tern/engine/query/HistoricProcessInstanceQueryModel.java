package dev.tern.engine.query;

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

/** Evaluates a {@link HistoricProcessInstanceQuery} over a {@link QuerySnapshot} in plain Java. */
final class HistoricProcessInstanceQueryModel {

  private final QuerySnapshot data;

  HistoricProcessInstanceQueryModel(QuerySnapshot data) {
    this.data = data;
  }

  Set<String> ids(HistoricProcessInstanceQuery query) {
    return Terms.select(
        data.historicInstances(), query, query.orQueries(), this::matches, HistoricInstance::id);
  }

  private boolean matches(HistoricProcessInstanceQuery q, HistoricInstance hpi, boolean orQuery) {
    Terms terms = new Terms();
    terms.eq(q.processInstanceId(), hpi.id());
    terms.in(q.processInstanceIds(), hpi.id());
    terms.notIn(q.processInstanceIdNotIn(), hpi.id());
    terms.eq(q.processDefinitionId(), hpi.definitionId());
    terms.eq(q.processDefinitionKey(), hpi.definitionKey());
    terms.in(q.processDefinitionKeyIn(), hpi.definitionKey());
    terms.notIn(q.processDefinitionKeyNotIn(), hpi.definitionKey());
    terms.eq(q.processDefinitionName(), hpi.definitionName());
    terms.like(q.processDefinitionNameLike(), hpi.definitionName());
    terms.eq(q.processInstanceBusinessKey(), hpi.businessKey());
    terms.in(q.processInstanceBusinessKeyIn(), hpi.businessKey());
    terms.like(q.processInstanceBusinessKeyLike(), hpi.businessKey());
    terms.flag(q.rootProcessInstances(), hpi.superId() == null);
    terms.eq(q.rootProcessInstanceId(), hpi.rootId());
    terms.flag(q.finished(), hpi.end() != null);
    terms.flag(q.unfinished(), hpi.end() == null);
    terms.flag(q.withJobsRetrying(),
        data.jobs().stream()
            .anyMatch(
                j ->
                    hpi.id().equals(j.processInstanceId())
                        && j.retries() > 0
                        && j.exceptionMessage() != null));
    terms.related(
        data.historicIncidents().stream()
            .filter(i -> hpi.id().equals(i.processInstanceId()))
            .toList(),
        q.withIncidents(),
        incidentFilters(q),
        orQuery);
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
    terms.eq(q.startedBy(), hpi.startUserId());
    terms.eq(q.superProcessInstanceId(), hpi.superId());
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
    terms.in(q.tenantIdIn(), hpi.tenantId());
    terms.flag(q.withoutTenantId(), hpi.tenantId() == null);
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
    terms.flag(q.active(), hpi.state().equals("ACTIVE"));
    terms.flag(q.suspended(), hpi.state().equals("SUSPENDED"));
    terms.flag(q.completed(), hpi.state().equals("COMPLETED"));
    terms.flag(q.externallyTerminated(), hpi.state().equals("EXTERNALLY_TERMINATED"));
    terms.flag(q.internallyTerminated(), hpi.state().equals("INTERNALLY_TERMINATED"));
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
    return terms.holds(orQuery);
  }

  private static List<Predicate<HistoricIncident>> incidentFilters(HistoricProcessInstanceQuery q) {
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
    return filters;
  }

  private static void atMost(Terms terms, Instant bound, Instant actual) {
    if (bound != null) {
      terms.add(notAfter(actual, bound));
    }
  }

  private static void atLeast(Terms terms, Instant bound, Instant actual) {
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
