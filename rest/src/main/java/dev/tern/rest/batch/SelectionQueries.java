package dev.tern.rest.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.job.QuerySql;
import dev.tern.rest.support.CamundaJson;
import dev.tern.rest.support.Sorting;
import dev.tern.rest.support.SortingDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code jobQuery} body of {@code POST /job/retries} into an id sub-select. Unknown
 * properties are ignored; sorting is validated as Camunda validates it. (The process instance
 * queries of the job-retries endpoints are read by the instance query DTOs themselves.)
 */
final class SelectionQueries {

  private static final Set<String> JOB_SORT =
      Set.of(
          "jobId", "executionId", "processInstanceId", "processDefinitionId",
          "processDefinitionKey", "jobPriority", "jobRetries", "jobDueDate", "jobDefinitionId",
          "tenantId");

  private final ProcessEngine engine;

  SelectionQueries(ProcessEngine engine) {
    this.engine = engine;
  }

  QuerySql jobs(JsonNode query) {
    if (absent(query)) {
      return null;
    }
    validate(query, JOB_SORT);
    JobQuery jobs = engine.jobService().createJobQuery();
    if (text(query, "jobId") != null) {
      jobs.jobId(text(query, "jobId"));
    }
    if (strings(query, "jobIds") != null) {
      jobs.jobIds(strings(query, "jobIds"));
    }
    if (text(query, "processInstanceId") != null) {
      jobs.processInstanceId(text(query, "processInstanceId"));
    }
    if (strings(query, "processInstanceIds") != null) {
      jobs.processInstanceIds(strings(query, "processInstanceIds"));
    }
    if (text(query, "jobDefinitionId") != null) {
      jobs.jobDefinitionId(text(query, "jobDefinitionId"));
    }
    if (text(query, "processDefinitionKey") != null) {
      jobs.processDefinitionKey(text(query, "processDefinitionKey"));
    }
    if (text(query, "activityId") != null) {
      jobs.activityId(text(query, "activityId"));
    }
    if (strings(query, "tenantIdIn") != null) {
      jobs.tenantIdIn(strings(query, "tenantIdIn"));
    }
    if (bool(query, "withRetriesLeft")) {
      jobs.withRetriesLeft();
    }
    if (bool(query, "noRetriesLeft")) {
      jobs.noRetriesLeft();
    }
    if (bool(query, "executable")) {
      jobs.executable();
    }
    if (bool(query, "withException")) {
      jobs.withException();
    }
    if (bool(query, "suspended")) {
      jobs.suspended();
    }
    if (bool(query, "active")) {
      jobs.active();
    }
    return jobs.idsSql();
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static void validate(JsonNode query, Set<String> sortBy) {
    if (!query.isObject()) {
      throw new InvalidRequestException("Invalid query: expected a JSON object");
    }
    JsonNode sorting = query.get("sorting");
    if (!absent(sorting)) {
      Sorting.fromBody(convert(sorting, new TypeReference<List<SortingDto>>() {}), sortBy);
    }
  }

  private static <T> T convert(JsonNode node, TypeReference<T> type) {
    try {
      return CamundaJson.mapper().convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("Invalid query: " + e.getMessage());
    }
  }

  private static String text(JsonNode query, String name) {
    JsonNode value = query.get(name);
    return absent(value) ? null : value.asText();
  }

  private static boolean bool(JsonNode query, String name) {
    JsonNode value = query.get(name);
    return !absent(value) && value.asBoolean(false);
  }

  private static List<String> strings(JsonNode query, String name) {
    JsonNode value = query.get(name);
    if (absent(value)) {
      return null;
    }
    if (!value.isArray()) {
      throw new InvalidRequestException("Invalid query: '" + name + "' must be an array");
    }
    List<String> list = new ArrayList<>();
    value.forEach(v -> list.add(v.asText()));
    return list;
  }
}
