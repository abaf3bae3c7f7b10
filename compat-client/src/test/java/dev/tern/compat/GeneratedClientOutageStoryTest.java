package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tern.compat.camunda.api.BatchApi;
import dev.tern.compat.camunda.api.DeploymentApi;
import dev.tern.compat.camunda.api.HistoricBatchApi;
import dev.tern.compat.camunda.api.HistoricProcessInstanceApi;
import dev.tern.compat.camunda.api.IncidentApi;
import dev.tern.compat.camunda.api.ProcessDefinitionApi;
import dev.tern.compat.camunda.api.ProcessInstanceApi;
import dev.tern.compat.camunda.invoker.ApiClient;
import dev.tern.compat.camunda.invoker.ApiException;
import dev.tern.compat.camunda.model.BatchDto;
import dev.tern.compat.camunda.model.DeploymentWithDefinitionsDto;
import dev.tern.compat.camunda.model.HistoricBatchDto;
import dev.tern.compat.camunda.model.HistoricProcessInstanceQueryDto;
import dev.tern.compat.camunda.model.ProcessDefinitionDto;
import dev.tern.compat.camunda.model.ProcessInstanceQueryDto;
import dev.tern.compat.camunda.model.ProcessInstanceWithVariablesDto;
import dev.tern.compat.camunda.model.SetJobRetriesByProcessDto;
import dev.tern.compat.camunda.model.StartProcessInstanceDto;
import dev.tern.compat.camunda.model.VariableValueDto;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestServer;
import dev.tern.rest.story.DownstreamStub;
import dev.tern.server.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage story driven only through a Java client generated from Camunda 7.24's {@code
 * openapi.json}, against Tern started as {@code tern.jar} starts it, over real HTTP: a Camunda user's
 * client code works unchanged. Every response the client reads is parsed by the generated models;
 * one Tern cannot produce fails the test.
 *
 * <p>The diagram's retry cycle is shortened to one second (instead of a mutable clock, which the
 * server's wiring does not take), so the story runs in seconds.
 */
@DatabaseTest
class GeneratedClientOutageStoryTest {

  private static final int ORDERS = 50;
  private static final String RETRY_CYCLE = "R2/PT1S";
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final TestDatabase db;
  private DownstreamStub downstream;
  private Main.Running tern;
  private ApiClient client;

  GeneratedClientOutageStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws IOException {
    downstream = DownstreamStub.startDown();
    tern = TernServers.start(db.config());
    client = new ApiClient();
    client.updateBaseUri("http://localhost:" + tern.server().port() + RestServer.BASE_PATH);
  }

  @AfterEach
  void stop() {
    if (tern != null) {
      tern.close();
    }
    downstream.close();
  }

  @Test
  void retryingEveryFailedJobByProcessCompletesEveryOrderOnce(@TempDir Path dir) throws Exception {
    DeploymentWithDefinitionsDto deployment =
        new DeploymentApi(client)
            .createDeployment(
                null, "generated client", false, false, "order-sync", null, orderSyncBpmn(dir).toFile());
    assertThat(deployment.getDeployedProcessDefinitions())
        .hasSize(1)
        .allSatisfy((id, definition) -> assertThat(definition.getKey()).isEqualTo("orderSync"));
    ProcessDefinitionDto definition =
        deployment.getDeployedProcessDefinitions().values().iterator().next();
    assertThat(definition.getDeploymentId()).isEqualTo(deployment.getId());

    List<String> instanceIds = startOrders();
    assertThat(instanceIds).doesNotHaveDuplicates().hasSize(ORDERS);

    IncidentApi incidents = new IncidentApi(client);
    awaitCount(() -> failedJobIncidents(incidents), ORDERS);
    assertThat(downstream.failedCalls()).as("two attempts per order").isEqualTo(2 * ORDERS);

    downstream.bringUp();
    BatchDto batch =
        new ProcessInstanceApi(client)
            .setRetriesByProcess(
                new SetJobRetriesByProcessDto()
                    .retries(1)
                    .processInstanceQuery(
                        new ProcessInstanceQueryDto().processDefinitionKey("orderSync")));
    assertThat(batch.getType()).isEqualTo("set-job-retries");
    assertThat(batch.getId()).isNotBlank();

    HistoricBatchApi historicBatches = new HistoricBatchApi(client);
    HistoricBatchDto finished =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> historicBatches.getHistoricBatch(batch.getId()), b -> b.getEndTime() != null);
    assertThat(finished.getStartTime()).isBeforeOrEqualTo(finished.getEndTime());
    assertThatThrownBy(() -> new BatchApi(client).getBatch(batch.getId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

    HistoricProcessInstanceApi history = new HistoricProcessInstanceApi(client);
    awaitCount(
        () ->
            history
                .queryHistoricProcessInstancesCount(
                    new HistoricProcessInstanceQueryDto()
                        .processDefinitionKey("orderSync")
                        .finished(true))
                .getCount(),
        ORDERS);
    assertThat(failedJobIncidents(incidents)).isZero();
    assertThat(downstream.ordersCalledSuccessfully()).hasSize(ORDERS);
    for (int i = 0; i < ORDERS; i++) {
      assertThat(downstream.successfulCalls(orderId(i))).as(orderId(i)).isEqualTo(1);
    }
  }

  /** The server's settings as its environment would give them: a free port and the test database. */
  private List<String> startOrders() throws ApiException {
    ProcessDefinitionApi definitions = new ProcessDefinitionApi(client);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ProcessInstanceWithVariablesDto started =
          definitions.startProcessInstanceByKey(
              "orderSync",
              new StartProcessInstanceDto()
                  .businessKey(orderId(i))
                  .variables(
                      Map.of(
                          "orderId", new VariableValueDto().value(orderId(i)).type("String"),
                          "amount", new VariableValueDto().value(100 + i).type("Integer"))));
      assertThat(started.getEnded()).isFalse();
      assertThat(started.getBusinessKey()).isEqualTo(orderId(i));
      ids.add(started.getId());
    }
    return ids;
  }

  private static long failedJobIncidents(IncidentApi incidents) throws ApiException {
    return incidents
        .getIncidentsCount(
            null, "failedJob", null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null)
        .getCount();
  }

  private static void awaitCount(Callable<Long> count, long expected) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(count, n -> n == expected);
  }

  private static String orderId(int i) {
    return "order-" + i;
  }

  /** The story's diagram, pointed at the stub, with a short retry cycle, as a file to upload. */
  private Path orderSyncBpmn(Path dir) throws IOException {
    String bpmn;
    try (InputStream in = RestServer.class.getResourceAsStream("/story/order-sync.bpmn")) {
      bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String adapted =
        bpmn.replace("http://127.0.0.1:9090", downstream.baseUrl()).replace("R2/PT10S", RETRY_CYCLE);
    assertThat(adapted).contains(downstream.baseUrl()).contains(RETRY_CYCLE);
    return Files.writeString(dir.resolve("order-sync.bpmn"), adapted);
  }
}
