package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The activity-instance tree of a running instance, as Camunda's {@code RuntimeService
 * getActivityInstance} shapes it: the process at the root, activities nested in their
 * sub-process or multi-instance body, asynchronous continuations as transition instances; the ids
 * are those of the activity history.
 */
@DatabaseTest
class ActivityInstanceTreeTest {

  private final ScopeEngine kit;

  ActivityInstanceTreeTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void subProcessesMultiInstanceBodiesAndAsyncTokensNestAsInCamunda() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f2", "fork", "sub")
                + flow("f3", "fork", "review")
                + flow("f4", "fork", "later")
                + subProcess("sub", flow("s1", "sub_start", "inner") + "<userTask id=\"inner\" name=\"Inner\"/>")
                + "<userTask id=\"review\"><multiInstanceLoopCharacteristics>"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>"
                + "<serviceTask id=\"later\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\"/>"));
    String pi = kit.start("p");

    ActivityInstance root = kit.engine.processInstances().activityInstances(Caller.SYSTEM, pi);

    assertThat(root.id()).isEqualTo(pi);
    assertThat(root.activityType()).isEqualTo("processDefinition");
    assertThat(root.parentActivityInstanceId()).isNull();
    assertThat(root.childTransitionInstances())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.activityId()).isEqualTo("later");
              assertThat(t.activityType()).isEqualTo("serviceTask");
              assertThat(t.parentActivityInstanceId()).isEqualTo(pi);
            });
    assertThat(root.childActivityInstances())
        .extracting(ActivityInstance::activityId)
        .containsExactlyInAnyOrder("sub", "review#multiInstanceBody");
    ActivityInstance sub = child(root, "sub");
    assertThat(sub.id()).isEqualTo(kit.historyOf(pi, "sub").get("id"));
    assertThat(sub.activityType()).isEqualTo("subProcess");
    assertThat(sub.childActivityInstances())
        .singleElement()
        .satisfies(
            inner -> {
              assertThat(inner.activityId()).isEqualTo("inner");
              assertThat(inner.activityName()).isEqualTo("Inner");
              assertThat(inner.parentActivityInstanceId()).isEqualTo(sub.id());
              assertThat(inner.id()).isEqualTo(kit.historyOf(pi, "inner").get("id"));
            });
    ActivityInstance body = child(root, "review#multiInstanceBody");
    assertThat(body.activityType()).isEqualTo("multiInstanceBody");
    assertThat(body.childActivityInstances())
        .extracting(ActivityInstance::activityId, ActivityInstance::parentActivityInstanceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("review", body.id()),
            org.assertj.core.groups.Tuple.tuple("review", body.id()));
  }

  @Test
  void anInstanceThatDoesNotRunHasNoTree() {
    assertThatThrownBy(
            () -> kit.engine.processInstances().activityInstances(Caller.SYSTEM, "nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Process instance with id nope does not exist");
  }

  private static ActivityInstance child(ActivityInstance parent, String activityId) {
    List<ActivityInstance> found =
        parent.childActivityInstances().stream().filter(c -> c.activityId().equals(activityId)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
