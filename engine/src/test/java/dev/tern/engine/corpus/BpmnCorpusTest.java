package dev.tern.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.JavaDelegate;
import dev.tern.engine.task.Task;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world BPMN diagrams (see {@code corpus/SOURCES.md}): each one deploys and runs a smoke path
 * (start, then complete every user task, fetch and complete every external task and let a day pass
 * for the timers, until the instance ends or waits where the case says), or is refused at
 * deployment naming the element Tern does not support.
 */
@DatabaseTest
class BpmnCorpusTest {

  /** A diagram (with the diagrams it calls), the process it starts and what must happen. */
  record Case(
      String name,
      List<String> files,
      String key,
      Map<String, Object> variables,
      String refusal,
      List<String> waitsAt) {

    static Case runs(String file, String key, Map<String, Object> variables) {
      return new Case(file, List.of(file), key, variables, null, List.of());
    }

    static Case refused(String file, String message) {
      return new Case(file, List.of(file), null, Map.of(), message, List.of());
    }

    Case calling(String... called) {
      List<String> all = new java.util.ArrayList<>(files);
      all.addAll(List.of(called));
      return new Case(name, all, key, variables, refusal, waitsAt);
    }

    Case waitingAt(String... activityIds) {
      return new Case(name, files, key, variables, refusal, List.of(activityIds));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    return Stream.of(
        Case.runs("order-handling.bpmn", "Order_Process", Map.of("invoiceId", "INV-1")),
        Case.runs("loan-approval-spring-rest.bpmn", "loanApproval", Map.of()),
        Case.runs("servlet-pa-example.bpmn", "exampleProcess", Map.of()),
        Case.refused("tenant-main-process.bpmn", "sets camunda:calledElementTenantId")
            .calling("tenant-sub-process.bpmn"),
        Case.runs("tenant-sub-process.bpmn", "subProcess", Map.of()),
        Case.runs("retry-example.bpmn", "process", Map.of()),
        Case.refused("xslt-scripttask.bpmn", "of type 'scriptTask' is not supported by Tern"),
        Case.refused("rest-service.bpmn", "Script values in camunda:inputOutput"),
        Case.runs("twitter-demo.bpmn", "TwitterDemoProcess", Map.of("approved", true)),
        Case.runs("spring-boot-webapp-sample.bpmn", "Sample", Map.of()),
        Case.runs("spring-boot-simple-sample.bpmn", "Sample", Map.of()),
        Case.refused("loan-granting.bpmn", "Script values in camunda:inputOutput"),
        Case.runs("message-start-instantiating.bpmn", "Instantiating_Process", Map.of())
            .calling("message-start-process.bpmn"),
        Case.runs("job-announcement.bpmn", "camunda-testing-job-announcement", Map.of("jobAnnouncementId", 1L, "approved", true, "facebook", true, "twitter", false))
            .calling("job-announcement-publication.bpmn"),
        Case.runs("invoice-approval-forms.bpmn", "camundaFormsQuickstart", Map.of("approved", true)),
        Case.runs("loan-approval-embedded-forms.bpmn", "embeddedFormsQuickstart", Map.of()),
        Case.runs("invoice-payment.bpmn", "embeddedFormsBpmnEvents", Map.of()),
        Case.runs("waiting-state.bpmn", "waitingProcess", Map.of()),
        Case.refused("invoice-v2.bpmn", "is mandatory on businessRuleTask").calling("review-invoice.bpmn"),
        Case.runs("review-invoice.bpmn", "ReviewInvoice", Map.of("reviewer", "demo", "clarified", true)),
        Case.runs("webapps-order-process.bpmn", "OrderProcess", Map.of()),
        Case.runs("webapps-process-with-sub-process.bpmn", "processWithSubProcess", Map.of()),
        Case.runs("webapps-simple-external-task.bpmn", "SimpleExternalTaskProcess", Map.of()),
        Case.refused("webapps-complex-process.bpmn", "of type 'scriptTask' is not supported by Tern"),
        Case.refused("webapps-calling-call-activity.bpmn", "is mandatory on serviceTask")
            .calling("webapps-call-activity.bpmn", "webapps-failing-process.bpmn"),
        Case.runs("webapps-user-task-identity-links.bpmn", "userTaskIdentityLinksTestProcess", Map.of()),
        Case.runs("junit5-assert-test-process.bpmn", "testProcess", Map.of()),
        Case.runs("custom-history-level.bpmn", "process", Map.of()),
        Case.runs("tenant1-process.bpmn", "process", Map.of()));
  }

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private final ProcessEngine engine;

  BpmnCorpusTest(TestDatabase db) {
    this.db = db;
    JavaDelegate noOp = execution -> {};
    this.engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .beans(
                Map.of(
                    "calculateInterestService", noOp,
                    "sayHelloDelegate", noOp,
                    "emailAdapter", noOp,
                    "tweetAdapter", noOp,
                    "jobAnnouncementService", new StubServices.JobAnnouncementService()))
            .build();
    for (Map<String, Object> row : db.rows("SELECT id FROM tern_deployment")) {
      engine.deploymentService().deleteDeployment((String) row.get("id"), true);
    }
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void deploysAndRunsOrIsRefusedNamingTheUnsupportedElement(Case diagram) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    diagram.files().forEach(file -> resources.put(file, read(file)));
    NewDeployment deployment = NewDeployment.of(resources);
    if (diagram.refusal() != null) {
      assertThatThrownBy(() -> engine.deploymentService().deploy(deployment))
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(diagram.refusal());
      return;
    }
    engine.deploymentService().deploy(deployment);
    String pi =
        engine.runtimeService()
            .startProcessInstanceByKey(diagram.key(), null, "smoke", diagram.variables())
            .id();
    drive(pi, diagram);
    if (diagram.waitsAt().isEmpty()) {
      assertThat(running(pi)).as("the instance of %s ended", diagram.name()).isFalse();
      assertThat(db.rows("SELECT state FROM tern_hi_process_instance WHERE id = ?", pi))
          .extracting(r -> r.get("state"))
          .containsExactly("COMPLETED");
    } else {
      assertThat(activeActivities(pi)).containsExactlyInAnyOrderElementsOf(diagram.waitsAt());
    }
  }

  @org.junit.jupiter.api.Test
  void reviewInvoiceSetsTheDueDateOfItsReviewWithDateTime() {
    engine.deploymentService()
        .deploy(NewDeployment.of(Map.of("review-invoice.bpmn", read("review-invoice.bpmn"))));
    engine.runtimeService()
        .startProcessInstanceByKey("ReviewInvoice", null, "smoke", Map.of("reviewer", "demo"));
    Task assign = engine.taskService().list(Caller.SYSTEM, new TaskQuery(), Page.ALL).get(0);
    clock.advance(Duration.ofHours(1));

    engine.taskService().complete(Caller.SYSTEM, assign.id(), Map.of(), false);

    Task review = engine.taskService().list(Caller.SYSTEM, new TaskQuery(), Page.ALL).get(0);
    assertThat(review.taskDefinitionKey()).isEqualTo("reviewInvoice");
    assertThat(review.due()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
  }

  /** Completes tasks and external tasks and lets time pass until the instance ends or waits. */
  private void drive(String pi, Case diagram) {
    for (int round = 0; round < 20 && running(pi) && !waitsWhereExpected(pi, diagram); round++) {
      for (Task task : engine.taskService().list(Caller.SYSTEM, new TaskQuery(), Page.ALL)) {
        engine.taskService().complete(Caller.SYSTEM, task.id(), typed(diagram.variables()), false);
      }
      completeExternalTasks(diagram.variables());
      clock.advance(Duration.ofDays(1));
      engine.jobExecutor().executeDueJobs();
    }
  }

  private boolean waitsWhereExpected(String pi, Case diagram) {
    return !diagram.waitsAt().isEmpty()
        && activeActivities(pi).stream().sorted().toList()
            .equals(diagram.waitsAt().stream().sorted().toList());
  }

  private void completeExternalTasks(Map<String, Object> variables) {
    for (Map<String, Object> row : db.rows("SELECT DISTINCT topic_name FROM tern_external_task")) {
      var locked =
          engine
              .externalTaskService()
              .fetchAndLock(
                  new FetchRequest(
                      "corpus", 100, false, null,
                      List.of(TopicRequest.of((String) row.get("topic_name"), 60_000))));
      for (var task : locked) {
        engine.externalTaskService().complete(task.task().id(), "corpus", variables, Map.of());
      }
    }
  }

  private static Map<String, dev.tern.engine.runtime.TypedValue> typed(Map<String, Object> values) {
    Map<String, dev.tern.engine.runtime.TypedValue> typed = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            typed.put(
                name,
                value instanceof Boolean b
                    ? dev.tern.engine.runtime.TypedValue.fromJava(b)
                    : value instanceof Long l
                        ? dev.tern.engine.runtime.TypedValue.fromJava(l)
                        : dev.tern.engine.runtime.TypedValue.fromJava(String.valueOf(value))));
    return typed;
  }

  private boolean running(String pi) {
    return !db.rows("SELECT id FROM tern_process_instance WHERE id = ?", pi).isEmpty();
  }

  private List<String> activeActivities(String pi) {
    return db.rows("SELECT activity_id FROM tern_execution WHERE process_instance_id = ?", pi).stream()
        .map(r -> (String) r.get("activity_id"))
        .toList();
  }

  private static byte[] read(String file) {
    try (InputStream in = BpmnCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No corpus file " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
