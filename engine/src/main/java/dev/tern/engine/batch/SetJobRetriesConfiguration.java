package dev.tern.engine.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** {@link JobRetries} as the JSON a set-job-retries batch keeps in its configuration column. */
final class SetJobRetriesConfiguration {

  private SetJobRetriesConfiguration() {}

  /**
   * Written by hand, not through Jackson: creating a batch is then the only place that would
   * build the mapper, about 50 classes to load on an engine's first batch.
   */
  static String format(JobRetries retries) {
    StringBuilder json = new StringBuilder("{\"retries\":").append(retries.retries());
    if (retries.dueDateSet()) {
      json.append(",\"dueDate\":")
          .append(retries.dueDate() == null ? "null" : retries.dueDate().toEpochMilli());
    }
    return json.append('}').toString();
  }

  static JobRetries parse(String json) {
    try {
      JsonNode node = Reader.JSON.readTree(json);
      int retries = node.get("retries").asInt();
      JsonNode due = node.get("dueDate");
      if (due == null) {
        return JobRetries.of(retries);
      }
      return JobRetries.withDueDate(
          retries, due.isNull() ? null : Instant.ofEpochMilli(due.asLong()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable batch configuration: " + json, e);
    }
  }

  /** The mapper, built when a batch job first reads a configuration. */
  private static final class Reader {
    static final ObjectMapper JSON = new ObjectMapper();
  }
}
