package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.history.HistoricActivityInstance;
import dev.tern.engine.history.HistoricActivityInstanceQuery;
import dev.tern.engine.query.Page;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Activity history names what Camunda 7.24 names (compared with its REST API by hand): the parent
 * of an activity inside an embedded or event sub-process is the sub-process's activity instance,
 * that of a multi-instance activity's instances the body's, a call activity names the instance it
 * called, and every history row of a called instance names the root of the call chain.
 */
@DatabaseTest
class ActivityHistoryNestingTest {

  private final ScopeEngine kit;

  ActivityHistoryNestingTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private List<HistoricActivityInstance> history(String processInstanceId) {
    HistoricActivityInstanceQuery query = kit.engine.historicActivityInstances().createQuery();
    query.filters().set("processInstanceId", processInstanceId);
    return kit.engine.historicActivityInstances().list(Caller.SYSTEM, query, new Page(0, null));
  }

  private HistoricActivityInstance only(String processInstanceId, String activityId) {
    List<HistoricActivityInstance> found =
        history(processInstanceId).stream().filter(a -> a.activityId().equals(activityId)).toList();
    assertThat(found).as(activityId).hasSize(1);
    return found.get(0);
  }

  /** Activity id → the activity id of its parent (the process key at the top). */
  private Map<String, List<String>> parents(String processInstanceId, String processKey) {
    List<HistoricActivityInstance> all = history(processInstanceId);
    Map<String, String> activityOf =
        all.stream().collect(Collectors.toMap(HistoricActivityInstance::id, HistoricActivityInstance::activityId));
    activityOf.put(processInstanceId, processKey);
    return all.stream()
        .collect(
            Collectors.groupingBy(
                HistoricActivityInstance::activityId,
                Collectors.mapping(a -> activityOf.get(a.parentActivityInstanceId()), Collectors.toList())));
  }

  @Test
  void activitiesInsideSubProcessesAndMultiInstanceBodiesNameTheirScopeAsParent() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "sub")
                + subProcess(
                    "sub",
                    flow("s1", "sub_start", "check") + "<userTask id=\"check\"/>"
                        + flow("s2", "check", "subEnd") + "<endEvent id=\"subEnd\"/>")
                + flow("f2", "sub", "each")
                + "<userTask id=\"each\"><multiInstanceLoopCharacteristics isSequential=\"true\">"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>"
                + flow("f3", "each", "end")
                + "<endEvent id=\"end\"/>"
                + "<subProcess id=\"onCancel\" triggeredByEvent=\"true\">"
                + "<startEvent id=\"onCancelStart\" isInterrupting=\"false\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                + flow("n1", "onCancelStart", "note") + "<userTask id=\"note\"/>"
                + flow("n2", "note", "onCancelEnd") + "<endEvent id=\"onCancelEnd\"/></subProcess>"));
    String pi = kit.start("p");
    kit.engine
        .messageCorrelationService()
        .correlate(MessageCorrelation.named("cancel").processInstanceId(pi).build());
    // the task inside the sub-process completes in a later call: its scope is read back
    kit.complete(pi, "check");

    kit.complete(pi, "each");

    Map<String, List<String>> parents = parents(pi, "p");
    assertThat(parents)
        .containsEntry("start", List.of("p"))
        .containsEntry("sub", List.of("p"))
        .containsEntry("sub_start", List.of("sub"))
        .containsEntry("check", List.of("sub"))
        .containsEntry("subEnd", List.of("sub"))
        .containsEntry("each#multiInstanceBody", List.of("p"))
        .containsEntry("each", List.of("each#multiInstanceBody", "each#multiInstanceBody"))
        .containsEntry("onCancel", List.of("p"))
        .containsEntry("onCancelStart", List.of("onCancel"))
        .containsEntry("note", List.of("onCancel"));
    assertThat(only(pi, "check").rootProcessInstanceId()).isEqualTo(pi);
    assertThat(only(pi, "check").calledProcessInstanceId()).isNull();
  }

  @Test
  void theInstancesOfAMultiInstanceSubProcessAreTheParentsOfTheirInsides() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "sub")
                + "<subProcess id=\"sub\"><multiInstanceLoopCharacteristics>"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>"
                + "<startEvent id=\"sub_start\"/>" + flow("s1", "sub_start", "check")
                + "<userTask id=\"check\"/></subProcess>"
                + flow("f2", "sub", "end")
                + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");

    Map<String, String> checkParents =
        history(pi).stream()
            .filter(a -> a.activityId().equals("check"))
            .collect(Collectors.toMap(HistoricActivityInstance::id, HistoricActivityInstance::parentActivityInstanceId));
    List<HistoricActivityInstance> subs =
        history(pi).stream().filter(a -> a.activityId().equals("sub")).toList();
    assertThat(subs).extracting(HistoricActivityInstance::parentActivityInstanceId)
        .containsOnly(only(pi, "sub#multiInstanceBody").id());
    assertThat(checkParents.values())
        .containsExactlyInAnyOrderElementsOf(subs.stream().map(HistoricActivityInstance::id).toList());
  }

  @Test
  void aCallActivityNamesTheCalledInstanceAndTheCalledInstancesHistoryNamesTheRoot() {
    kit.deployAll(
        Map.of(
            "middle.bpmn",
            process(
                "middle",
                "<startEvent id=\"mStart\"/>" + flow("m1", "mStart", "callLeaf")
                    + "<callActivity id=\"callLeaf\" calledElement=\"leaf\"><extensionElements>"
                    + "<camunda:in variables=\"all\"/></extensionElements></callActivity>"
                    + flow("m2", "callLeaf", "mEnd") + "<endEvent id=\"mEnd\"/>"),
            "leaf.bpmn",
            process(
                "leaf",
                "<startEvent id=\"lStart\"/>" + flow("l1", "lStart", "work")
                    + "<userTask id=\"work\"/>" + flow("l2", "work", "fail")
                    + "<serviceTask id=\"fail\" camunda:asyncBefore=\"true\" camunda:expression=\"${noSuchBean.go()}\"/>"
                    + flow("l3", "fail", "lEnd") + "<endEvent id=\"lEnd\"/>"),
            "root.bpmn",
            process(
                "root",
                "<startEvent id=\"start\"/>" + flow("f1", "start", "callMiddle")
                    + "<callActivity id=\"callMiddle\" calledElement=\"middle\"><extensionElements>"
                    + "<camunda:in variables=\"all\"/></extensionElements></callActivity>"
                    + flow("f2", "callMiddle", "end") + "<endEvent id=\"end\"/>")));
    String root = kit.start("root", Map.of("amount", 5));
    String middle = kit.calledBy(root).get(0);
    String leaf = kit.calledBy(middle).get(0);
    kit.complete(leaf, "work", Map.of("note", TypedValue.fromJava("done")));
    String job = kit.rows("SELECT id FROM tern_job WHERE process_instance_id = ?", leaf).get(0).get("id").toString();
    for (int run = 0; run < 3; run++) {
      assertThatThrownBy(() -> kit.engine.jobService().executeJob(job));
    }

    assertThat(only(root, "callMiddle").calledProcessInstanceId()).isEqualTo(middle);
    assertThat(only(middle, "callLeaf").calledProcessInstanceId()).isEqualTo(leaf);
    assertThat(only(middle, "callLeaf").rootProcessInstanceId()).isEqualTo(root);
    assertThat(history(leaf)).isNotEmpty().allSatisfy(a -> {
      assertThat(a.rootProcessInstanceId()).isEqualTo(root);
      assertThat(a.parentActivityInstanceId()).isEqualTo(leaf);
      assertThat(a.calledProcessInstanceId()).isNull();
    });
    var variables = kit.engine.historicVariableInstances().createQuery();
    variables.filters().set("processInstanceId", leaf);
    assertThat(kit.engine.historicVariableInstances().list(Caller.SYSTEM, variables, new Page(0, null)))
        .extracting(v -> v.owner().rootProcessInstanceId())
        .isNotEmpty()
        .containsOnly(root);
    for (String table :
        List.of("tern_hi_process_instance", "tern_hi_task", "tern_hi_detail", "tern_hi_job_log", "tern_hi_incident")) {
      String instanceColumn = table.equals("tern_hi_process_instance") ? "id" : "process_instance_id";
      assertThat(kit.rows("SELECT root_process_instance_id FROM " + table + " WHERE " + instanceColumn + " = ?", leaf))
          .as(table)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.get("root_process_instance_id")).isEqualTo(root));
    }
  }
}
