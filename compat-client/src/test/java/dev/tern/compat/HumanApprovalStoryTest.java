package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.compat.camunda.api.DeploymentApi;
import dev.tern.compat.camunda.api.HistoricProcessInstanceApi;
import dev.tern.compat.camunda.api.HistoricTaskInstanceApi;
import dev.tern.compat.camunda.api.ProcessDefinitionApi;
import dev.tern.compat.camunda.api.TaskApi;
import dev.tern.compat.camunda.api.TaskLocalVariableApi;
import dev.tern.compat.camunda.invoker.ApiClient;
import dev.tern.compat.camunda.model.CompleteTaskDto;
import dev.tern.compat.camunda.model.HistoricProcessInstanceDto;
import dev.tern.compat.camunda.model.HistoricTaskInstanceDto;
import dev.tern.compat.camunda.model.HistoricTaskInstanceQueryDto;
import dev.tern.compat.camunda.model.StartProcessInstanceDto;
import dev.tern.compat.camunda.model.TaskQueryDto;
import dev.tern.compat.camunda.model.TaskQueryDtoSortingInner;
import dev.tern.compat.camunda.model.TaskWithAttachmentAndCommentDto;
import dev.tern.compat.camunda.model.UserIdDto;
import dev.tern.compat.camunda.model.VariableValueDto;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestServer;
import dev.tern.server.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A human approval driven only through the Java client generated from Camunda 7.24's {@code
 * openapi.json}, against Tern as {@code tern.jar} starts it: requests start, an approver finds them
 * by candidate group, claims one, notes a comment in a local variable and completes it with a
 * decision the process branches on; history shows who did what.
 */
@DatabaseTest
class HumanApprovalStoryTest {

  private final TestDatabase db;
  private Main.Running tern;
  private ApiClient client;

  HumanApprovalStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    tern = TernServers.start(db.config());
    client = new ApiClient();
    client.updateBaseUri("http://localhost:" + tern.server().port() + RestServer.BASE_PATH);
  }

  @AfterEach
  void stop() {
    if (tern != null) {
      tern.close();
    }
  }

  @Test
  void anApproverClaimsAndDecidesAndTheProcessBranchesOnTheDecision(@TempDir Path dir)
      throws Exception {
    new DeploymentApi(client)
        .createDeployment(null, "approval", false, false, "approval", null, approvalBpmn(dir).toFile());
    String laptop = startRequest("laptop", 1500);
    String chair = startRequest("chair", 200);

    TaskApi tasks = new TaskApi(client);
    TaskQueryDto open =
        new TaskQueryDto()
            .candidateGroup("approvers")
            .processDefinitionKey("purchaseApproval")
            .sorting(
                List.of(
                    new TaskQueryDtoSortingInner()
                        .sortBy(TaskQueryDtoSortingInner.SortByEnum.PRIORITY)
                        .sortOrder(TaskQueryDtoSortingInner.SortOrderEnum.DESC)));
    List<TaskWithAttachmentAndCommentDto> inbox = tasks.queryTasks(0, 10, open);
    assertThat(inbox)
        .extracting(TaskWithAttachmentAndCommentDto::getName)
        .containsExactly("Approve laptop", "Approve chair");
    assertThat(tasks.queryTasksCount(open).getCount()).isEqualTo(2);
    TaskWithAttachmentAndCommentDto first = inbox.get(0);
    assertThat(first.getPriority()).isEqualTo(80);
    assertThat(first.getFormKey()).isEqualTo("embedded:app:forms/approve.html");
    assertThat(first.getDescription()).isEqualTo("Approve or reject the purchase");

    tasks.claim(first.getId(), new UserIdDto().userId("ann"));
    assertThat(tasks.getTask(first.getId()).getAssignee()).isEqualTo("ann");
    assertThat(tasks.queryTasksCount(open).getCount()).as("claimed tasks leave the group's inbox").isEqualTo(1);
    new TaskLocalVariableApi(client)
        .putTaskLocalVariable(
            first.getId(), "comment", new VariableValueDto().value("too expensive").type("String"));
    Map<String, VariableValueDto> returned =
        tasks.complete(
            first.getId(),
            new CompleteTaskDto()
                .variables(Map.of("approved", new VariableValueDto().value(false).type("Boolean")))
                .withVariablesInReturn(true));
    assertThat(returned.get("approved").getValue()).isEqualTo(false);
    assertThat(returned.get("comment").getValue()).isEqualTo("too expensive");

    String chairTask = tasks.queryTasks(0, 10, open).get(0).getId();
    tasks.claim(chairTask, new UserIdDto().userId("ann"));
    tasks.complete(
        chairTask,
        new CompleteTaskDto()
            .variables(Map.of("approved", new VariableValueDto().value(true).type("Boolean"))));

    List<TaskWithAttachmentAndCommentDto> revise =
        tasks.queryTasks(0, 10, new TaskQueryDto().assignee("rita"));
    assertThat(revise).singleElement().satisfies(t -> {
      assertThat(t.getName()).isEqualTo("Revise laptop");
      assertThat(t.getProcessInstanceId()).isEqualTo(laptop);
    });

    HistoricProcessInstanceApi instances = new HistoricProcessInstanceApi(client);
    assertThat(instances.getHistoricProcessInstance(chair).getState())
        .isEqualTo(HistoricProcessInstanceDto.StateEnum.COMPLETED);
    assertThat(instances.getHistoricProcessInstance(laptop).getState())
        .as("rejected: waiting in the requester's revision")
        .isEqualTo(HistoricProcessInstanceDto.StateEnum.ACTIVE);
    List<HistoricTaskInstanceDto> history =
        new HistoricTaskInstanceApi(client)
            .queryHistoricTaskInstances(
                0, 10, new HistoricTaskInstanceQueryDto().processInstanceId(laptop).finished(true));
    assertThat(history).singleElement().satisfies(h -> {
      assertThat(h.getAssignee()).isEqualTo("ann");
      assertThat(h.getDeleteReason()).isEqualTo("completed");
      assertThat(h.getTaskDefinitionKey()).isEqualTo("approve");
      assertThat(h.getEndTime()).isNotNull();
    });
  }

  private String startRequest(String item, int amount) throws Exception {
    return new ProcessDefinitionApi(client)
        .startProcessInstanceByKey(
            "purchaseApproval",
            new StartProcessInstanceDto()
                .businessKey("request-" + item)
                .variables(
                    Map.of(
                        "item", new VariableValueDto().value(item).type("String"),
                        "amount", new VariableValueDto().value(amount).type("Integer"),
                        "requester", new VariableValueDto().value("rita").type("String"))))
        .getId();
  }

  private static Path approvalBpmn(Path dir) throws IOException {
    try (InputStream in = HumanApprovalStoryTest.class.getResourceAsStream("/approval.bpmn")) {
      return Files.write(dir.resolve("approval.bpmn"), in.readAllBytes());
    }
  }
}
