package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.query.Page;
import dev.tern.engine.task.Task;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A whole engine on a test database for the scope tests: deploy XML, drive tasks, read rows. */
final class ScopeEngine implements AutoCloseable {

  final TestDatabase db;
  final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  final ProcessEngine engine;

  ScopeEngine(TestDatabase db) {
    this.db = db;
    this.engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    // the test methods of a class share the database: start each from no deployments
    for (Map<String, Object> row : rows("SELECT id FROM tern_deployment")) {
      engine.deploymentService().deleteDeployment((String) row.get("id"), true);
    }
  }

  static String definitions(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<error id=\"e1\" errorCode=\"E1\"/><error id=\"e2\" errorCode=\"E2\"/>"
        + "<escalation id=\"esc\" escalationCode=\"LATE\"/>"
        + "<message id=\"m\" name=\"cancel\"/><signal id=\"s\" name=\"notify\"/>"
        + body
        + "</definitions>";
  }

  static String process(String key, String body) {
    return "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + body
        + "</process>";
  }

  static String flow(String id, String from, String to) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }

  /** Process {@code p}: start → {@code activity} (id {@code act}) → after (user task) → end. */
  static String aroundAct(String activity, String boundaries) {
    return process(
        "p",
        "<startEvent id=\"start\"/>"
            + flow("f1", "start", "act")
            + activity
            + flow("f2", "act", "after")
            + "<userTask id=\"after\"/>"
            + flow("f3", "after", "end")
            + "<endEvent id=\"end\"/>"
            + boundaries);
  }

  /** Process {@code p}: start → sub-process {@code sub} ({@code inside}) → after (user task) → end. */
  static String aroundSub(String inside, String boundaries) {
    return process(
        "p",
        "<startEvent id=\"start\"/>"
            + flow("f1", "start", "sub")
            + subProcess("sub", inside)
            + flow("f2", "sub", "after")
            + "<userTask id=\"after\"/>"
            + flow("f3", "after", "end")
            + "<endEvent id=\"end\"/>"
            + boundaries);
  }

  /** A sub-process {@code id} whose inside is {@code body} (with a start event {@code id_start}). */
  static String subProcess(String id, String body) {
    return "<subProcess id=\"" + id + "\"><startEvent id=\"" + id + "_start\"/>" + body + "</subProcess>";
  }

  void deploy(String processXml) {
    deployAll(Map.of("p.bpmn", processXml));
  }

  /** Deploys the processes together (one resource each); returns the deployment id. */
  String deployAll(Map<String, String> processXmlByResource) {
    Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
    processXmlByResource.forEach(
        (name, xml) -> resources.put(name, definitions(xml).getBytes(StandardCharsets.UTF_8)));
    return engine.deploymentService().deploy(NewDeployment.of(resources)).deployment().id();
  }

  String start(String key) {
    return start(key, Map.of());
  }

  String start(String key, Map<String, ?> variables) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, variables).id();
  }

  List<Task> tasks(String processInstanceId) {
    return engine
        .taskService()
        .list(Caller.SYSTEM, new TaskQuery().set("processInstanceId", processInstanceId), Page.ALL);
  }

  void completeTask(Task task) {
    engine.taskService().complete(Caller.SYSTEM, task.id(), Map.of(), false);
  }

  Task task(String processInstanceId, String activityId) {
    List<Task> tasks =
        engine
            .taskService()
            .list(
                Caller.SYSTEM,
                new TaskQuery()
                    .set("processInstanceId", processInstanceId)
                    .set("taskDefinitionKey", activityId),
                Page.ALL);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one task at " + activityId + ", found " + tasks);
    }
    return tasks.get(0);
  }

  void complete(String processInstanceId, String activityId) {
    engine.taskService().complete(Caller.SYSTEM, task(processInstanceId, activityId).id(), Map.of(), false);
  }

  void complete(String processInstanceId, String activityId, Map<String, TypedValue> variables) {
    engine.taskService().complete(Caller.SYSTEM, task(processInstanceId, activityId).id(), variables, false);
  }

  /** The instances a call activity of the given instance started. */
  List<String> calledBy(String processInstanceId) {
    return rows(
            "SELECT id FROM tern_process_instance WHERE super_process_instance_id = ? ORDER BY id",
            processInstanceId)
        .stream()
        .map(r -> (String) r.get("id"))
        .toList();
  }

  long taskCount(String processInstanceId) {
    return engine
        .taskService()
        .count(Caller.SYSTEM, new TaskQuery().set("processInstanceId", processInstanceId));
  }

  /** Fetches and locks the one external task of the topic; returns its id. */
  String fetchOne(String topic) {
    var locked =
        engine
            .externalTaskService()
            .fetchAndLock(new FetchRequest("w", 1, false, null, List.of(TopicRequest.of(topic, 60_000))));
    if (locked.size() != 1) {
      throw new AssertionError("Expected one external task of " + topic + ", found " + locked);
    }
    return locked.get(0).task().id();
  }

  /** The resting executions: activity id, parent id (null in the process scope), state. */
  List<Map<String, Object>> executions(String processInstanceId) {
    return rows(
        "SELECT id, parent_id, activity_id, state FROM tern_execution WHERE process_instance_id = ?"
            + " ORDER BY create_time, id",
        processInstanceId);
  }

  /** The ids {@code GET /execution?processInstanceId=} lists. */
  List<String> executionIds(String processInstanceId) {
    ExecutionQuery query = engine.executions().createQuery();
    query.filters().set("processInstanceId", processInstanceId);
    return engine.executions().list(Caller.SYSTEM, query, Page.ALL).stream()
        .map(Execution::id)
        .toList();
  }

  /** The activity-instance tree of a running instance. */
  ActivityInstance activityInstances(String processInstanceId) {
    return engine.processInstances().activityInstances(Caller.SYSTEM, processInstanceId);
  }

  List<String> activeActivities(String processInstanceId) {
    return executions(processInstanceId).stream().map(r -> (String) r.get("activity_id")).toList();
  }

  /** Historic activity instances in start order. */
  List<Map<String, Object>> history(String processInstanceId) {
    return rows(
        "SELECT * FROM tern_hi_activity_instance WHERE process_instance_id = ? ORDER BY start_time, id",
        processInstanceId);
  }

  /** The execution of the instance's (one) multi-instance body. */
  String bodyExecution(String processInstanceId) {
    return (String)
        rows("SELECT id FROM tern_execution WHERE process_instance_id = ? AND state = 'BODY'", processInstanceId)
            .get(0)
            .get("id");
  }

  List<dev.tern.engine.job.Job> jobs(String processInstanceId) {
    return engine
        .jobService()
        .listJobs(new dev.tern.engine.job.JobQuery(clock).processInstanceId(processInstanceId), 0, 100);
  }

  List<dev.tern.engine.event.EventSubscription> subscriptions(String processInstanceId) {
    return engine.eventSubscriptionService()
        .list(engine.eventSubscriptionService().createEventSubscriptionQuery(), 0, 100)
        .stream()
        .filter(s -> processInstanceId.equals(s.processInstanceId()))
        .toList();
  }

  /** The first child activity instance of that activity. */
  static ActivityInstance child(ActivityInstance parent, String activityId) {
    return parent.childActivityInstances().stream()
        .filter(c -> c.activityId().equals(activityId))
        .findFirst()
        .orElseThrow();
  }

  /** The execution the (one) history row of the activity names. */
  String historicExecution(String processInstanceId, String activityId) {
    return (String) historyOf(processInstanceId, activityId).get("execution_id");
  }

  Map<String, Object> historyOf(String processInstanceId, String activityId) {
    List<Map<String, Object>> found =
        history(processInstanceId).stream().filter(r -> activityId.equals(r.get("activity_id"))).toList();
    if (found.size() != 1) {
      throw new AssertionError("Expected one history row of " + activityId + ", found " + found);
    }
    return found.get(0);
  }

  /** The instance's runtime variables (process and local ones) by name. */
  List<Map<String, Object>> runtimeVariables(String processInstanceId) {
    return rows(
        "SELECT name, execution_id, act_inst_id, text_value FROM tern_variable"
            + " WHERE process_instance_id = ? ORDER BY name",
        processInstanceId);
  }

  boolean instanceExists(String processInstanceId) {
    return !rows("SELECT id FROM tern_process_instance WHERE id = ?", processInstanceId).isEmpty();
  }

  Object variable(String processInstanceId, String name) {
    return engine.processInstances().variable(processInstanceId, name).map(v -> v.value()).orElse(null);
  }

  long count(String table, String processInstanceId) {
    return rows("SELECT id FROM " + table + " WHERE process_instance_id = ?", processInstanceId).size();
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    return db.rows(sql, args);
  }

  @Override
  public void close() {
    engine.close();
  }
}
