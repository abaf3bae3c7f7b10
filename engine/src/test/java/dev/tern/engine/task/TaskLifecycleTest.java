package dev.tern.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.identity.Group;
import dev.tern.engine.identity.User;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User tasks created as tokens arrive, moved on by completion, removed by interruptions. */
@DatabaseTest
class TaskLifecycleTest {

  static final String APPROVAL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <error id="veto" errorCode="VETO"/>
        <process id="approval" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
          <userTask id="approve" name="Approve ${item}" camunda:assignee="${requester == 'bob' ? null : 'ann'}"
              camunda:candidateUsers="carl, ${deputy}" camunda:candidateGroups="${groups}"
              camunda:dueDate="P2D" camunda:followUpDate="${followUp}" camunda:priority="${prio}"
              camunda:formKey="embedded:app:forms/approve.html">
            <documentation>Check the ${item}</documentation>
          </userTask>
          <sequenceFlow id="f2" sourceRef="approve" targetRef="decide"/>
          <exclusiveGateway id="decide"/>
          <sequenceFlow id="yes" sourceRef="decide" targetRef="done">
            <conditionExpression>${approved}</conditionExpression>
          </sequenceFlow>
          <sequenceFlow id="no" sourceRef="decide" targetRef="rejected">
            <conditionExpression>${!approved}</conditionExpression>
          </sequenceFlow>
          <endEvent id="done"/>
          <endEvent id="rejected"/>
          <boundaryEvent id="vetoed" attachedToRef="approve">
            <errorEventDefinition errorRef="veto" camunda:errorMessageVariable="why"/>
          </boundaryEvent>
          <sequenceFlow id="f5" sourceRef="vetoed" targetRef="rejected"/>
          <boundaryEvent id="late" attachedToRef="approve">
            <timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="late" targetRef="escalate"/>
          <userTask id="escalate" camunda:formRef="escalation" camunda:formRefBinding="version"
              camunda:formRefVersion="3"/>
          <sequenceFlow id="f4" sourceRef="escalate" targetRef="done"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private ProcessEngine engine;
  private TaskService tasks;

  TaskLifecycleTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void deploy() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_hi_identity_link",
                      "tern_group_member",
                      "tern_group",
                      "tern_user",
                      "tern_hi_task",
                      "tern_task",
                      "tern_job",
                      "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    tasks = engine.taskService();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("approval.bpmn", APPROVAL.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String start(String requester) {
    return engine
        .runtimeService()
        .startProcessInstanceByKey(
            "approval",
            null,
            "order-1",
            Map.of(
                "item", "laptop",
                "requester", requester,
                "deputy", "dora",
                "groups", "managers,finance",
                "followUp", "2026-03-03T09:00:00Z",
                "prio", 70))
        .id();
  }

  private Task only(TaskQuery query) {
    List<Task> found = tasks.list(Caller.SYSTEM, query, new Page(0, null));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aTokenAtAUserTaskCreatesATaskWithItsEvaluatedModelValues() {
    String instance = start("ann");

    Task task = only(new TaskQuery().set("processInstanceId", instance));

    assertThat(task.name()).isEqualTo("Approve laptop");
    assertThat(task.description()).isEqualTo("Check the laptop");
    assertThat(task.assignee()).isEqualTo("ann");
    assertThat(task.priority()).isEqualTo(70);
    assertThat(task.due()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
    assertThat(task.followUp()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(task.formKey()).isEqualTo("embedded:app:forms/approve.html");
    assertThat(task.taskDefinitionKey()).isEqualTo("approve");
    assertThat(task.created()).isEqualTo(clock.instant());
    assertThat(tasks.identityLinks(Caller.SYSTEM, task.id(), null))
        .containsExactlyInAnyOrder(
            new IdentityLink("ann", null, "assignee"),
            new IdentityLink("carl", null, "candidate"),
            new IdentityLink("dora", null, "candidate"),
            new IdentityLink(null, "managers", "candidate"),
            new IdentityLink(null, "finance", "candidate"));
  }

  @Test
  void candidateQueriesFindUnassignedTasksByGroupAndByTheUsersGroups() {
    start("bob");
    String assigned = start("ann");
    engine.identityService().createGroup(Caller.SYSTEM, new Group("finance", "Finance", "WORKFLOW"));
    engine.identityService().createUser(Caller.SYSTEM, new User("eve", "Eve", "E", null), "secret-pw-1");
    engine.identityService().addGroupMember(Caller.SYSTEM, "finance", "eve");

    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("candidateGroup", "managers")))
        .isEqualTo(1);
    assertThat(
            tasks.count(
                Caller.SYSTEM,
                new TaskQuery().set("candidateGroup", "managers").set("includeAssignedTasks", true)))
        .isEqualTo(2);
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("candidateUser", "dora"))).isEqualTo(1);
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("candidateUser", "eve"))).isEqualTo(1);
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("candidateUser", "zed"))).isZero();
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("involvedUser", "ann"))).isEqualTo(1);
    assertThat(only(new TaskQuery().set("assignee", "ann")).processInstanceId()).isEqualTo(assigned);
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery().set("unassigned", true))).isEqualTo(1);
  }

  @Test
  void claimingCompletingAndBranchingOnTheVariablesEndsTheInstanceWithHistory() {
    String instance = start("bob");
    Task task = only(new TaskQuery().set("processInstanceId", instance));

    tasks.claim(Caller.SYSTEM, task.id(), "carl");
    assertThatThrownBy(() -> tasks.claim(Caller.SYSTEM, task.id(), "dora"))
        .isInstanceOf(TernException.class)
        .hasMessage("Task '" + task.id() + "' is already claimed by someone else.");
    clock.advance(Duration.ofMinutes(5));
    Map<String, TypedValue> returned =
        tasks.complete(
            Caller.SYSTEM, task.id(), Map.of("approved", TypedValue.fromJava(false)), true);

    assertThat(returned.get("approved").value()).isEqualTo(false);
    assertThat(returned.get("item").value()).isEqualTo("laptop");
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery())).isZero();
    HistoricTaskInstance history =
        engine
            .historicTaskService()
            .list(Caller.SYSTEM, new HistoricTaskInstanceQuery(), new Page(0, null))
            .get(0);
    assertThat(history.deleteReason()).isEqualTo("completed");
    assertThat(history.assignee()).isEqualTo("carl");
    assertThat(history.duration()).isEqualTo(Duration.ofMinutes(5).toMillis());
    assertThat(history.endTime()).isEqualTo(clock.instant());
    assertThat(
            engine.historicProcessInstances().get(instance).endActivityId())
        .isEqualTo("rejected");
    List<HistoricIdentityLinkLog> log =
        engine
            .historicTaskService()
            .list(
                Caller.SYSTEM,
                new HistoricIdentityLinkLogQuery(),
                new Page(0, null));
    assertThat(log)
        .anySatisfy(
            l -> {
              assertThat(l.type()).isEqualTo("assignee");
              assertThat(l.userId()).isEqualTo("carl");
              assertThat(l.operationType()).isEqualTo("add");
            });
  }

  @Test
  void aBoundaryTimerRemovesTheTaskAsDeletedAndCreatesTheNextOne() {
    String instance = start("ann");
    String first = only(new TaskQuery()).id();

    clock.advance(Duration.ofDays(4));
    engine.jobExecutor().executeDueJobs();

    Task next = only(new TaskQuery().set("processInstanceId", instance));
    assertThat(next.taskDefinitionKey()).isEqualTo("escalate");
    assertThat(next.formRefKey()).isEqualTo("escalation");
    assertThat(next.formRefBinding()).isEqualTo("version");
    assertThat(next.formRefVersion()).isEqualTo(3);
    assertThat(next.priority()).isEqualTo(50);
    HistoricTaskInstance ended =
        engine
            .historicTaskService()
            .list(
                Caller.SYSTEM,
                new HistoricTaskInstanceQuery(),
                new Page(0, null))
            .stream()
            .filter(h -> h.id().equals(first))
            .findFirst()
            .orElseThrow();
    assertThat(ended.deleteReason()).isEqualTo("deleted");
    assertThat(ended.taskState()).isEqualTo("Deleted");
  }

  @Test
  void deletingTheInstanceRemovesItsTasksWithTheReason() {
    String instance = start("ann");

    engine.processInstances().delete(instance, "no longer needed");

    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery())).isZero();
    assertThat(
            engine
                .historicTaskService()
                .list(Caller.SYSTEM, new HistoricTaskInstanceQuery(), new Page(0, null))
                .get(0)
                .deleteReason())
        .isEqualTo("no longer needed");
  }

  @Test
  void aBpmnErrorFromATaskIsCaughtByItsErrorBoundary() {
    String instance = start("ann");
    String id = only(new TaskQuery().set("processInstanceId", instance)).id();

    assertThatThrownBy(() -> tasks.handleBpmnError(Caller.SYSTEM, id, "", null, Map.of()))
        .hasMessage("errorCode is empty");
    tasks.handleBpmnError(
        Caller.SYSTEM, id, "VETO", "over budget", Map.of("budget", TypedValue.fromJava(10)));

    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery())).isZero();
    assertThat(engine.historicProcessInstances().get(instance).endActivityId())
        .isEqualTo("rejected");
    assertThat(
            engine
                .historicTaskService()
                .list(Caller.SYSTEM, new HistoricTaskInstanceQuery(), new Page(0, null))
                .get(0)
                .deleteReason())
        .isEqualTo("deleted");
  }

  @Test
  void theCandidateGroupReportCountsUnassignedTasksPerGroup() {
    start("bob");
    start("bob");
    start("ann");

    assertThat(tasks.countByCandidateGroup(Caller.SYSTEM))
        .containsExactly(
            new CandidateGroupCount("finance", 2), new CandidateGroupCount("managers", 2));
  }

  @Test
  void delegatedTasksMustBeResolvedBeforeTheyAreCompleted() {
    String instance = start("ann");
    String id = only(new TaskQuery().set("processInstanceId", instance)).id();

    tasks.delegate(Caller.SYSTEM, id, "dora");
    Task delegated = tasks.get(Caller.SYSTEM, id);
    assertThat(delegated.owner()).isEqualTo("ann");
    assertThat(delegated.assignee()).isEqualTo("dora");
    assertThat(delegated.delegationState()).isEqualTo("PENDING");
    assertThatThrownBy(() -> tasks.complete(Caller.SYSTEM, id, Map.of(), false))
        .hasMessageContaining("A delegated task cannot be completed");

    tasks.resolve(Caller.SYSTEM, id, Map.of("approved", TypedValue.fromJava(true)));
    Task resolved = tasks.get(Caller.SYSTEM, id);
    assertThat(resolved.assignee()).isEqualTo("ann");
    assertThat(resolved.delegationState()).isEqualTo("RESOLVED");
    tasks.complete(Caller.SYSTEM, id, Map.of(), false);
    assertThat(engine.historicProcessInstances().get(instance).endActivityId()).isEqualTo("done");
  }
}
