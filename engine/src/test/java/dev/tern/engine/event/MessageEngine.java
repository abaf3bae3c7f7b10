package dev.tern.engine.event;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A whole engine on a test database for event tests: deploy XML, read rows back. */
final class MessageEngine implements AutoCloseable {

  final TestDatabase db;
  final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  final ProcessEngine engine;

  MessageEngine(TestDatabase db) {
    this.db = db;
    this.engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    // the test methods of a class share the database: start each from no deployments
    for (Map<String, Object> row : rows("SELECT id FROM tern_deployment")) {
      engine.deploymentService().deleteDeployment((String) row.get("id"), true);
    }
  }

  ProcessDefinition deploy(String xml) {
    return deploy(xml, null);
  }

  ProcessDefinition deploy(String xml, String tenantId) {
    NewDeployment deployment =
        NewDeployment.of(Map.of("process.bpmn", xml.getBytes(StandardCharsets.UTF_8)));
    if (tenantId != null) {
      deployment = deployment.withTenantId(tenantId);
    }
    return engine.deploymentService().deploy(deployment).deployedProcessDefinitions().get(0);
  }

  ProcessDefinition deploy(BpmnModelInstance model) {
    return deploy(Bpmn.convertToString(model));
  }

  List<EventSubscription> subscriptions() {
    EventSubscriptionService service = engine.eventSubscriptionService();
    return service.list(service.createEventSubscriptionQuery(), 0, 1000);
  }

  List<Map<String, Object>> executions(String processInstanceId) {
    return rows(
        "SELECT id, activity_id, state FROM tern_execution WHERE process_instance_id = ? ORDER BY create_time, id",
        processInstanceId);
  }

  List<String> activeActivities(String processInstanceId) {
    return executions(processInstanceId).stream().map(r -> (String) r.get("activity_id")).toList();
  }

  /** Historic activity instances of an instance: activity id → canceled flag, ended or not. */
  List<Map<String, Object>> history(String processInstanceId) {
    return rows(
        "SELECT * FROM tern_hi_activity_instance WHERE process_instance_id = ? ORDER BY start_time, id",
        processInstanceId);
  }

  String instanceState(String processInstanceId) {
    return (String)
        rows("SELECT state FROM tern_hi_process_instance WHERE id = ?", processInstanceId).get(0).get("state");
  }

  Object variable(String processInstanceId, String name) {
    var value = engine.processInstances().variable(processInstanceId, name);
    return value.map(v -> v.value()).orElse(null);
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    return db.rows(sql, args);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The timer start jobs, soonest first. */
  List<Map<String, Object>> timerStartJobs() {
    return rows("SELECT * FROM tern_job WHERE handler_type = 'timer-start-event' ORDER BY due_date");
  }

  /** A timestamp column as the driver returns it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
  static Instant instant(Object value) {
    return value instanceof java.time.OffsetDateTime odt
        ? odt.toInstant()
        : ((java.sql.Timestamp) value).toInstant();
  }

  static String definitions(String messagesAndProcesses) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + messagesAndProcesses
        + "</definitions>";
  }

  static String process(String key, String body) {
    return "<process id=\""
        + key
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + body
        + "</process>";
  }

  static String flow(String id, String from, String to) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }
}
