package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.compat.camunda.api.DeploymentApi;
import dev.tern.compat.camunda.api.ExternalTaskApi;
import dev.tern.compat.camunda.api.HistoricActivityInstanceApi;
import dev.tern.compat.camunda.api.HistoricProcessInstanceApi;
import dev.tern.compat.camunda.api.MessageApi;
import dev.tern.compat.camunda.api.ProcessDefinitionApi;
import dev.tern.compat.camunda.api.ProcessInstanceApi;
import dev.tern.compat.camunda.api.TaskApi;
import dev.tern.compat.camunda.api.VariableInstanceApi;
import dev.tern.compat.camunda.invoker.ApiClient;
import dev.tern.compat.camunda.model.CompleteTaskDto;
import dev.tern.compat.camunda.model.CorrelationMessageDto;
import dev.tern.compat.camunda.model.ExternalTaskBpmnError;
import dev.tern.compat.camunda.model.FetchExternalTaskTopicDto;
import dev.tern.compat.camunda.model.FetchExternalTasksDto;
import dev.tern.compat.camunda.model.HistoricActivityInstanceDto;
import dev.tern.compat.camunda.model.HistoricActivityInstanceQueryDto;
import dev.tern.compat.camunda.model.HistoricProcessInstanceDto;
import dev.tern.compat.camunda.model.LockedExternalTaskDto;
import dev.tern.compat.camunda.model.MessageCorrelationResultWithVariableDto;
import dev.tern.compat.camunda.model.ProcessInstanceDto;
import dev.tern.compat.camunda.model.ProcessInstanceQueryDto;
import dev.tern.compat.camunda.model.StartProcessInstanceDto;
import dev.tern.compat.camunda.model.TaskQueryDto;
import dev.tern.compat.camunda.model.TaskWithAttachmentAndCommentDto;
import dev.tern.compat.camunda.model.VariableInstanceQueryDto;
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
 * An order driven only through the Java client generated from Camunda 7.24's {@code openapi.json},
 * against Tern as {@code tern.jar} starts it: the order waits for its payment, which a message
 * correlated by business key delivers; shipping runs in a called process whose packing worker
 * reports a BPMN error, caught by the call activity's error boundary; two reviewers (a
 * multi-instance task) decide, an inclusive gateway runs every remedy they chose, and the order
 * ends.
 */
@DatabaseTest
class OrderEventsStoryTest {

  private final TestDatabase db;
  private Main.Running tern;
  private ApiClient client;

  OrderEventsStoryTest(TestDatabase db) {
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
  void aPaidOrderWhosePackingFailsIsReviewedAndSettled(@TempDir Path dir) throws Exception {
    new DeploymentApi(client)
        .createDeployment(null, "story", false, false, "orders", null, storyBpmn(dir).toFile());
    String order =
        new ProcessDefinitionApi(client)
            .startProcessInstanceByKey(
                "order",
                new StartProcessInstanceDto()
                    .businessKey("order-7")
                    .variables(
                        Map.of(
                            "reviewers",
                            new VariableValueDto().value("[\"ann\",\"bob\"]").type("String"))))
            .getId();

    List<MessageCorrelationResultWithVariableDto> correlated =
        new MessageApi(client)
            .deliverMessage(
                new CorrelationMessageDto()
                    .messageName("paymentReceived")
                    .businessKey("order-7")
                    .processVariables(Map.of("paid", new VariableValueDto().value(99).type("Integer")))
                    .resultEnabled(true));
    assertThat(correlated).singleElement().satisfies(r -> {
      assertThat(r.getResultType()).isEqualTo(MessageCorrelationResultWithVariableDto.ResultTypeEnum.EXECUTION);
      assertThat(r.getExecution().getProcessInstanceId()).isEqualTo(order);
    });

    ProcessInstanceApi instances = new ProcessInstanceApi(client);
    List<ProcessInstanceDto> called =
        instances.queryProcessInstances(0, 10, new ProcessInstanceQueryDto().superProcessInstance(order));
    assertThat(called).singleElement().satisfies(c -> assertThat(c.getBusinessKey()).isNull());
    String shipping = called.get(0).getId();
    assertThat(
            new VariableInstanceApi(client)
                .queryVariableInstances(
                    0, 100, false, new VariableInstanceQueryDto().processInstanceIdIn(List.of(shipping))))
        .extracting(v -> v.getName())
        .contains("paid", "reviewers");

    ExternalTaskApi externalTasks = new ExternalTaskApi(client);
    List<LockedExternalTaskDto> packing =
        externalTasks.fetchAndLock(
            new FetchExternalTasksDto()
                .workerId("packer")
                .maxTasks(5)
                .topics(List.of(new FetchExternalTaskTopicDto().topicName("packing").lockDuration(60_000L))));
    assertThat(packing).singleElement().satisfies(t -> assertThat(t.getProcessInstanceId()).isEqualTo(shipping));
    externalTasks.handleExternalTaskBpmnError(
        packing.get(0).getId(),
        new ExternalTaskBpmnError().workerId("packer").errorCode("DAMAGED").errorMessage("box crushed"));

    assertThat(instances.queryProcessInstances(0, 10, new ProcessInstanceQueryDto().superProcessInstance(order)))
        .as("the error left the called instance for the call activity's boundary")
        .isEmpty();
    TaskApi tasks = new TaskApi(client);
    List<TaskWithAttachmentAndCommentDto> reviews =
        tasks.queryTasks(0, 10, new TaskQueryDto().processInstanceId(order));
    assertThat(reviews).extracting(TaskWithAttachmentAndCommentDto::getAssignee).containsExactlyInAnyOrder("ann", "bob");
    for (TaskWithAttachmentAndCommentDto review : reviews) {
      boolean ann = "ann".equals(review.getAssignee());
      tasks.complete(
          review.getId(),
          new CompleteTaskDto()
              .variables(
                  Map.of(
                      "refund", new VariableValueDto().value(ann).type("Boolean"),
                      "reship", new VariableValueDto().value(false).type("Boolean"))));
    }

    HistoricProcessInstanceDto finished = new HistoricProcessInstanceApi(client).getHistoricProcessInstance(order);
    assertThat(finished.getState()).isEqualTo(HistoricProcessInstanceDto.StateEnum.COMPLETED);
    List<HistoricActivityInstanceDto> steps =
        new HistoricActivityInstanceApi(client)
            .queryHistoricActivityInstances(0, 100, new HistoricActivityInstanceQueryDto().processInstanceId(order));
    assertThat(steps).extracting(HistoricActivityInstanceDto::getActivityId)
        .contains("awaitPayment", "ship", "damaged", "review#multiInstanceBody", "apologize", "settled")
        .doesNotContain("reship", "delivered");
    assertThat(steps).filteredOn(s -> "ship".equals(s.getActivityId()))
        .singleElement()
        .satisfies(s -> assertThat(s.getCanceled()).isTrue());
  }

  private static Path storyBpmn(Path dir) throws IOException {
    try (InputStream in = OrderEventsStoryTest.class.getResourceAsStream("/order-story.bpmn")) {
      return Files.write(dir.resolve("order-story.bpmn"), in.readAllBytes());
    }
  }
}
