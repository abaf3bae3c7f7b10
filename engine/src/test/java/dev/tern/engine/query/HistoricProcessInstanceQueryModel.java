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
        data.historicInstances(), query.filters(), query.filters().orQueries(), this::matches, HistoricInstance::id);
  }

  private boolean matches(FilterQuery q, HistoricInstance hpi, boolean orQuery) {
    Terms terms = new Terms();
    terms.eq(q.value("processInstanceId"), hpi.id());
    terms.in(q.value("processInstanceIds"), hpi.id());
    terms.notIn(q.value("processInstanceIdNotIn"), hpi.id());
    terms.eq(q.value("processDefinitionId"), hpi.definitionId());
    terms.eq(q.value("processDefinitionKey"), hpi.definitionKey());
    terms.in(q.value("processDefinitionKeyIn"), hpi.definitionKey());
    terms.notIn(q.value("processDefinitionKeyNotIn"), hpi.definitionKey());
    terms.eq(q.value("processDefinitionName"), hpi.definitionName());
    terms.like(q.value("processDefinitionNameLike"), hpi.definitionName());
    terms.eq(q.value("processInstanceBusinessKey"), hpi.businessKey());
    terms.in(q.value("processInstanceBusinessKeyIn"), hpi.businessKey());
    terms.like(q.value("processInstanceBusinessKeyLike"), hpi.businessKey());
    terms.flag(q.isOn("rootProcessInstances"), hpi.superId() == null);
    terms.eq(q.value("rootProcessInstanceId"), hpi.rootId());
    terms.flag(q.isOn("finished"), hpi.end() != null);
    terms.flag(q.isOn("unfinished"), hpi.end() == null);
    terms.flag(q.isOn("withJobsRetrying"),
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
        q.isOn("withIncidents"),
        incidentFilters(q),
        orQuery);
    atMost(terms, q.value("startedBefore"), hpi.start());
    atLeast(terms, q.value("startedAfter"), hpi.start());
    atMost(terms, q.value("finishedBefore"), hpi.end());
    atLeast(terms, q.value("finishedAfter"), hpi.end());
    List<HistoricActivity> activities =
        data.historicActivities().stream()
            .filter(a -> a.processInstanceId().equals(hpi.id()))
            .toList();
    if (q.value("executedActivityAfter") != null) {
      Instant t = q.value("executedActivityAfter");
      terms.add(activities.stream().anyMatch(a -> notBefore(a.start(), t) || notBefore(a.end(), t)));
    }
    if (q.value("executedActivityBefore") != null) {
      Instant t = q.value("executedActivityBefore");
      terms.add(activities.stream().anyMatch(a -> notAfter(a.start(), t) || notAfter(a.end(), t)));
    }
    if (q.value("executedJobAfter") != null) {
      terms.add(
          data.jobLogs().stream()
              .anyMatch(
                  l -> hpi.id().equals(l.processInstanceId()) && notBefore(l.time(), q.value("executedJobAfter"))));
    }
    if (q.value("executedJobBefore") != null) {
      terms.add(
          data.jobLogs().stream()
              .anyMatch(
                  l -> hpi.id().equals(l.processInstanceId()) && notAfter(l.time(), q.value("executedJobBefore"))));
    }
    terms.eq(q.value("startedBy"), hpi.startUserId());
    terms.eq(q.value("superProcessInstanceId"), hpi.superId());
    if (q.<String>value("subProcessInstanceId") != null) {
      terms.add(
          data.historicInstances().stream()
              .anyMatch(s -> s.id().equals(q.<String>value("subProcessInstanceId")) && hpi.id().equals(s.superId())));
    }
    if (q.value("caseInstanceId") != null
        || q.value("superCaseInstanceId") != null
        || q.value("subCaseInstanceId") != null) {
      terms.add(false);
    }
    terms.in(q.value("tenantIdIn"), hpi.tenantId());
    terms.flag(q.isOn("withoutTenantId"), hpi.tenantId() == null);
    if (q.<List<String>>value("activityIdIn") != null && !q.<List<String>>value("activityIdIn").isEmpty()) {
      terms.add(
          activities.stream().anyMatch(a -> a.end() == null && q.<List<String>>value("activityIdIn").contains(a.activityId()))
              || data.incidents().stream()
                  .anyMatch(
                      i ->
                          hpi.id().equals(i.processInstanceId())
                              && i.activityId() != null
                              && q.<List<String>>value("activityIdIn").contains(i.activityId())));
    }
    if (q.<List<String>>value("executedActivityIdIn") != null && !q.<List<String>>value("executedActivityIdIn").isEmpty()) {
      terms.add(
          activities.stream()
              .anyMatch(a -> a.end() != null && q.<List<String>>value("executedActivityIdIn").contains(a.activityId())));
    }
    if (q.<List<String>>value("activeActivityIdIn") != null && !q.<List<String>>value("activeActivityIdIn").isEmpty()) {
      terms.add(
          activities.stream()
              .anyMatch(a -> a.end() == null && q.<List<String>>value("activeActivityIdIn").contains(a.activityId())));
    }
    terms.flag(q.isOn("active"), hpi.state().equals("ACTIVE"));
    terms.flag(q.isOn("suspended"), hpi.state().equals("SUSPENDED"));
    terms.flag(q.isOn("completed"), hpi.state().equals("COMPLETED"));
    terms.flag(q.isOn("externallyTerminated"), hpi.state().equals("EXTERNALLY_TERMINATED"));
    terms.flag(q.isOn("internallyTerminated"), hpi.state().equals("INTERNALLY_TERMINATED"));
    if (q.<List<VariableCondition>>value("variables") != null) {
      List<Variable> own =
          data.historicVariables().stream()
              .filter(v -> v.processInstanceId().equals(hpi.id()) && v.state().equals("CREATED"))
              .toList();
      for (VariableCondition condition : q.<List<VariableCondition>>value("variables")) {
        terms.add(
            VariableMatch.any(
                own, condition, q.isOn("variableNamesIgnoreCase"), q.isOn("variableValuesIgnoreCase")));
      }
    }
    return terms.holds(orQuery);
  }

  private static List<Predicate<HistoricIncident>> incidentFilters(FilterQuery q) {
    List<Predicate<HistoricIncident>> filters = new ArrayList<>();
    if (q.<List<String>>value("incidentIdIn") != null && !q.<List<String>>value("incidentIdIn").isEmpty()) {
      filters.add(i -> q.<List<String>>value("incidentIdIn").contains(i.id()));
    }
    if (q.<String>value("incidentType") != null) {
      filters.add(i -> i.type().equals(q.<String>value("incidentType")));
    }
    if (q.<String>value("incidentMessage") != null) {
      filters.add(i -> q.<String>value("incidentMessage").equals(i.message()));
    }
    if (q.<String>value("incidentMessageLike") != null) {
      filters.add(i -> i.message() != null && VariableMatch.like(i.message(), q.<String>value("incidentMessageLike")));
    }
    if (q.<String>value("incidentStatus") != null) {
      int state = q.<String>value("incidentStatus").equals("open") ? 0 : 1;
      filters.add(i -> i.state() == state);
    }
    if (q.isOn("withRootIncidents")) {
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
