package dev.tern.engine.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** {@link JobRetries} as the JSON a set-job-retries batch keeps in its configuration column. */
final class SetJobRetriesConfiguration {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SetJobRetriesConfiguration() {}

  static String format(JobRetries retries) {
    ObjectNode node = JSON.createObjectNode().put("retries", retries.retries());
    if (retries.dueDateSet()) {
      if (retries.dueDate() == null) {
        node.putNull("dueDate");
      } else {
        node.put("dueDate", retries.dueDate().toEpochMilli());
      }
    }
    return node.toString();
  }

  static JobRetries parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
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
}
