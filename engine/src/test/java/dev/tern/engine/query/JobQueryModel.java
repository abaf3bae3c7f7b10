package dev.tern.engine.query;

import dev.tern.engine.job.JobQuery;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.QuerySnapshot.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Evaluates a {@link JobQuery}'s filter values over a {@link QuerySnapshot} in plain Java. */
final class JobQueryModel {

  private final QuerySnapshot data;

  JobQueryModel(QuerySnapshot data) {
    this.data = data;
  }

  Set<String> ids(JobQuery query, Instant now) {
    Map<String, Object> values = query.filters().values();
    return data.jobs().stream()
        .filter(job -> values.entrySet().stream().allMatch(f -> matches(f.getKey(), f.getValue(), job, values, now)))
        .map(Job::id)
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(
      String filter, Object value, Job j, Map<String, Object> all, Instant now) {
    boolean on = Boolean.TRUE.equals(value);
    return switch (filter) {
      case "jobId" -> value.equals(j.id());
      case "jobIds" -> ((List<String>) value).contains(j.id());
      case "jobDefinitionId" -> value.equals(j.jobDefinitionId());
      case "processInstanceId" -> value.equals(j.processInstanceId());
      case "processInstanceIds" ->
          j.processInstanceId() != null && ((List<String>) value).contains(j.processInstanceId());
      case "executionId" -> value.equals(j.executionId());
      case "processDefinitionId" -> value.equals(j.definitionId());
      case "processDefinitionKey" -> value.equals(j.definitionKey());
      case "activityId" -> value.equals(j.activityId());
      case "withRetriesLeft" -> !on || j.retries() > 0;
      case "noRetriesLeft" -> !on || j.retries() == 0;
      case "executable" ->
          !on || (j.retries() > 0 && (j.dueDate() == null || !j.dueDate().isAfter(now)));
      case "timers" -> !on || j.kind().equals("timer");
      case "messages" -> !on || j.kind().equals("message");
      case "withException" -> !on || j.exceptionMessage() != null || j.hasStacktrace();
      case "exceptionMessage" -> value.equals(j.exceptionMessage());
      case "failedActivityId" -> value.equals(j.failedActivityId());
      case "active" -> !on || !j.suspended();
      case "suspended" -> !on || j.suspended();
      case "priorityLowerThanOrEquals" -> j.priority() <= (Long) value;
      case "priorityHigherThanOrEquals" -> j.priority() >= (Long) value;
      case "dueDates" -> dates((List<DateCondition>) value, j.dueDate());
      case "createTimes" -> dates((List<DateCondition>) value, j.createTime());
      case "tenantIdIn" ->
          (j.tenantId() != null && ((List<String>) value).contains(j.tenantId()))
              || (j.tenantId() == null && Boolean.TRUE.equals(all.get("includeJobsWithoutTenantId")));
      case "withoutTenantId" -> !on || j.tenantId() == null;
      case "includeJobsWithoutTenantId" -> true;
      case "acquired" -> !on || j.lockExpiration() != null;
      default -> throw new IllegalArgumentException("No model for job filter " + filter);
    };
  }

  private static boolean dates(List<DateCondition> conditions, Instant actual) {
    return conditions.stream()
        .allMatch(
            c -> {
              if (actual == null) {
                return false;
              }
              int cmp = actual.compareTo(c.value());
              return switch (c.operator()) {
                case "gt" -> cmp > 0;
                case "lt" -> cmp < 0;
                case "gteq" -> cmp >= 0;
                case "lteq" -> cmp <= 0;
                case "eq" -> cmp == 0;
                default -> throw new IllegalArgumentException(c.operator());
              };
            });
  }

}
