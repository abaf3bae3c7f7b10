package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.compat.camunda.api.ExternalTaskApi;
import dev.tern.compat.camunda.api.HistoricExternalTaskLogApi;
import dev.tern.compat.camunda.invoker.ApiClient;
import dev.tern.compat.camunda.model.BatchDto;
import dev.tern.compat.camunda.model.ExternalTaskQueryDto;
import dev.tern.compat.camunda.model.HistoricExternalTaskLogQueryDto;
import dev.tern.compat.camunda.model.SetRetriesForExternalTasksDto;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestServer;
import dev.tern.server.Main;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.ExternalTaskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The external-task twin of the set-retries story: Camunda's own worker client reports every
 * shipment failed for good while the carrier is down (one failedExternalTask incident each); once
 * the carrier is back, one {@code POST /external-task/retries-async} (sent with the client generated
 * from Camunda's openapi.json) gives them all retries back, the incidents are resolved, and the same
 * worker, still long polling, completes every shipment.
 */
@DatabaseTest
class ExternalTaskRetriesStoryTest {

  private static final int SHIPMENTS = 40;
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private static final String SHIPPING =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="shipping" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="ship"/>
          <serviceTask id="ship" camunda:type="external" camunda:topic="ship"/>
          <sequenceFlow id="f2" sourceRef="ship" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private Main.Running tern;
  private ExternalTaskClient worker;

  ExternalTaskRetriesStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              h.execute("DELETE FROM tern_incident");
              h.execute("DELETE FROM tern_hi_ext_task_log");
              h.execute("DELETE FROM tern_process_instance");
            });
    tern = TernServers.start(db.config());
    tern.engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("shipping.bpmn", SHIPPING.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.stop();
    }
    if (tern != null) {
      tern.close();
    }
  }

  @Test
  void oneRetriesAsyncBatchBringsBackEveryShipmentTheOutageFailed() throws Exception {
    String baseUrl = "http://localhost:" + tern.server().port() + RestServer.BASE_PATH;
    AtomicBoolean carrierDown = new AtomicBoolean(true);
    AtomicInteger shipped = new AtomicInteger();
    worker =
        ExternalTaskClient.create()
            .baseUrl(baseUrl)
            .workerId("shipper")
            .asyncResponseTimeout(5_000)
            .disableBackoffStrategy()
            .maxTasks(10)
            .build();
    worker
        .subscribe("ship")
        .handler(
            (task, service) -> {
              if (carrierDown.get()) {
                service.handleFailure(task, "carrier down", "503 from carrier", 0, 0);
              } else {
                service.complete(task);
                shipped.incrementAndGet();
              }
            })
        .open();

    for (int i = 0; i < SHIPMENTS; i++) {
      tern.engine().runtimeService().startProcessInstanceByKey("shipping", null, "s-" + i, Map.of());
    }
    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM tern_incident") == SHIPMENTS);
    assertThat(count("SELECT COUNT(*) FROM tern_external_task WHERE retries = 0"))
        .isEqualTo(SHIPMENTS);

    carrierDown.set(false);
    ApiClient api = new ApiClient();
    api.updateBaseUri(baseUrl);
    BatchDto batch =
        new ExternalTaskApi(api)
            .setExternalTaskRetriesAsyncOperation(
                new SetRetriesForExternalTasksDto()
                    .externalTaskQuery(new ExternalTaskQueryDto().topicName("ship").noRetriesLeft(true))
                    .retries(1));
    assertThat(batch.getType()).isEqualTo("set-external-task-retries");

    await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM tern_process_instance") == 0);
    // the worker counts a shipment after its complete call returns, which can be after the
    // instance has already ended
    await().atMost(PATIENCE).until(() -> shipped.get() >= SHIPMENTS);
    assertThat(shipped.get()).isEqualTo(SHIPMENTS);
    assertThat(count("SELECT COUNT(*) FROM tern_incident")).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tern_hi_incident WHERE incident_type = 'failedExternalTask'"
                    + " AND incident_state = 1"))
        .isEqualTo(SHIPMENTS);
    HistoricExternalTaskLogApi log = new HistoricExternalTaskLogApi(api);
    assertThat(
            log.queryHistoricExternalTaskLogsCount(
                    new HistoricExternalTaskLogQueryDto().failureLog(true).errorMessage("carrier down"))
                .getCount())
        .isEqualTo(SHIPMENTS);
    assertThat(
            log.queryHistoricExternalTaskLogsCount(
                    new HistoricExternalTaskLogQueryDto().successLog(true).workerId("shipper"))
                .getCount())
        .isEqualTo(SHIPMENTS);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                count(
                        "SELECT COUNT(*) FROM tern_hi_batch WHERE end_time IS NOT NULL AND id = '"
                            + batch.getId()
                            + "'")
                    == 1);
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
