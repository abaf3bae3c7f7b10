package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.compat.camunda.api.ExternalTaskApi;
import dev.tern.compat.camunda.api.IncidentApi;
import dev.tern.compat.camunda.api.ProcessInstanceApi;
import dev.tern.compat.camunda.invoker.ApiClient;
import dev.tern.compat.camunda.model.ExternalTaskDto;
import dev.tern.compat.camunda.model.IncidentDto;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestServer;
import dev.tern.server.Main;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda's own external task worker ({@code org.camunda.bpm:camunda-external-task-client}
 * 7.24.0), which nobody on this project wrote, drives processes on Tern started as {@code tern.jar}
 * starts it, over real HTTP with long polling: complete with typed variables, extend a lock,
 * give a task back, report failures down to an incident and throw a BPMN error into an error
 * boundary event. Tern's state is then read with the client generated from Camunda's openapi.json.
 */
@DatabaseTest
class ExternalTaskClientStoryTest {

  private static final Duration PATIENCE = Duration.ofMinutes(1);

  private final TestDatabase db;
  private Main.Running tern;
  private ExternalTaskClient worker;
  private ApiClient api;

  ExternalTaskClientStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    tern = TernServers.start(db.config());
    TernServers.deployInvoice(tern);
    api = new ApiClient();
    api.updateBaseUri(baseUrl());
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

  private String baseUrl() {
    return "http://localhost:" + tern.server().port() + RestServer.BASE_PATH;
  }


  @Test
  void camundasWorkerClientDrivesInvoicesOnTern() throws Exception {
    Map<String, Map<String, Object>> seen = new ConcurrentHashMap<>();
    Set<String> givenBack = ConcurrentHashMap.newKeySet();
    AtomicInteger flakyAttempts = new AtomicInteger();
    worker =
        ExternalTaskClient.create()
            .baseUrl(baseUrl())
            .workerId("camunda-client")
            .asyncResponseTimeout(5_000)
            .disableBackoffStrategy()
            .lockDuration(10_000)
            .maxTasks(5)
            .build();
    worker
        .subscribe("charge")
        .handler((task, service) -> charge(task, service, seen, givenBack, flakyAttempts))
        .open();
    worker
        .subscribe("archive")
        .handler(
            (task, service) ->
                service.complete(
                    task,
                    Map.of("archivedAt", ClientValues.dateValue(Date.from(Instant.parse("2026-03-02T00:00:00Z")))),
                    Map.of()))
        .open();

    // started after the worker's fetch is waiting: long polling answers when the tasks appear
    String paid = TernServers.startInvoice(tern, "paid");
    String declined = TernServers.startInvoice(tern, "declined");
    String flaky = TernServers.startInvoice(tern, "flaky");
    String returned = TernServers.startInvoice(tern, "returned");

    ProcessInstanceApi instances = new ProcessInstanceApi(api);
    await().atMost(PATIENCE).until(() -> !TernServers.exists(db, paid) && !TernServers.exists(db, returned));
    IncidentApi incidents = new IncidentApi(api);
    List<IncidentDto> failed =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    incidents.getIncidents(
                        null, "failedExternalTask", null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null),
                list -> list.size() == 1);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> instances.getProcessInstanceVariable(declined, "errorCode", true) != null);

    Map<String, Object> received = seen.get("paid");
    assertThat(received.get("amount")).isEqualTo(120);
    assertThat(received.get("customer")).isEqualTo("ACME");
    assertThat(received.get("due")).isEqualTo(Date.from(Instant.parse("2026-03-01T12:00:00Z")));
    assertThat(received.get("amountType")).isEqualTo("Integer");
    assertThat(received.get("businessKey")).isEqualTo("paid");
    assertThat(historicVariable(paid, "receipt")).isEqualTo("{\"no\":7}");
    assertThat(historicVariable(paid, "archivedAt")).isNotNull();

    assertThat(instances.getProcessInstanceVariable(declined, "errorCode", true).getValue()).isEqualTo("NO_FUNDS");
    assertThat(instances.getProcessInstanceVariable(declined, "errorMessage", true).getValue()).isEqualTo("card declined");
    assertThat(instances.getProcessInstanceVariable(declined, "reason", true).getValue()).isEqualTo("limit");

    IncidentDto incident = failed.get(0);
    assertThat(incident.getProcessInstanceId()).isEqualTo(flaky);
    assertThat(incident.getIncidentMessage()).isEqualTo("payment service down");
    assertThat(flakyAttempts.get()).isEqualTo(3);
    ExternalTaskDto stuck = new ExternalTaskApi(api).getExternalTask(incident.getConfiguration());
    assertThat(stuck.getRetries()).isZero();
    assertThat(stuck.getErrorMessage()).isEqualTo("payment service down");
    assertThat(new ExternalTaskApi(api).getExternalTaskErrorDetails(stuck.getId()))
        .isEqualTo("attempt 3");

    assertThat(givenBack).containsExactly("returned");
  }

  private void charge(
      ExternalTask task,
      ExternalTaskService service,
      Map<String, Map<String, Object>> seen,
      Set<String> givenBack,
      AtomicInteger flakyAttempts) {
    String key = task.getBusinessKey();
    switch (key) {
      case "paid" -> {
        TypedValue amount = task.getVariableTyped("amount");
        Map<String, Object> received = new HashMap<>(task.getAllVariables());
        received.put("amountType", amount.getType().getName().substring(0, 1).toUpperCase()
            + amount.getType().getName().substring(1));
        received.put("businessKey", key);
        seen.put(key, received);
        service.extendLock(task, 30_000);
        service.complete(
            task,
            Map.of("receipt", ClientValues.jsonValue("{\"no\":7}"), "charged", Variables.booleanValue(true)),
            Map.of("fee", 1.5));
      }
      case "declined" ->
          service.handleBpmnError(task, "NO_FUNDS", "card declined", Map.of("reason", "limit"));
      case "flaky" -> {
        int attempt = flakyAttempts.incrementAndGet();
        int retries = task.getRetries() == null ? 2 : task.getRetries() - 1;
        service.handleFailure(task, "payment service down", "attempt " + attempt, retries, 100);
      }
      case "returned" -> {
        if (givenBack.add(key)) {
          service.unlock(task);
        } else {
          service.complete(task);
        }
      }
      default -> throw new IllegalStateException("unexpected business key " + key);
    }
  }


  private String historicVariable(String instanceId, String name) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COALESCE(text_value, clob_value, CAST(long_value AS VARCHAR(40)))"
                            + " FROM tern_hi_variable WHERE process_instance_id = :id AND name = :n")
                    .bind("id", instanceId)
                    .bind("n", name)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }
}
