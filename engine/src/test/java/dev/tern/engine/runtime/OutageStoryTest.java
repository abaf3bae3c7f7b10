package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.job.Job;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine side of the outage story: async HTTP calls to a service that is down use up their
 * retries on the retry cycle and raise incidents; once the service is back, one job retried by
 * hand completes its instance.
 */
@DatabaseTest
class OutageStoryTest {

  private final TestDatabase db;

  OutageStoryTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void failedCallsBecomeIncidentsAndARetriedJobCompletesItsInstance() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
    try (ProcessEngine engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build()) {
      engine
          .deploymentService()
          .deploy(NewDeployment.of(Map.of("outage.bpmn", process(port).getBytes(StandardCharsets.UTF_8))));
      List<String> instances = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        instances.add(
            engine
                .runtimeService()
                .startProcessInstanceByKey("outage", null, "order-" + i, Map.of("orderId", "o-" + i))
                .id());
      }

      engine.jobExecutor().executeDueJobs(); // first failure: R2 cycle -> 1 retry left, due in 1 min
      clock.advance(Duration.ofMinutes(1));
      engine.jobExecutor().executeDueJobs(); // second failure: no retries left

      List<Job> jobs = jobsOf(engine, instances);
      assertThat(jobs).hasSize(5);
      assertThat(jobs).allSatisfy(
          job -> {
            assertThat(job.retries()).isZero();
            assertThat(job.exceptionMessage()).startsWith("HTCL-02007 Unable to execute HTTP request");
          });
      assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE incident_type = 'failedJob'"))
          .isEqualTo(5);

      HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      stub.createContext(
          "/",
          exchange -> {
            byte[] body = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      stub.start();
      try {
        Job retried = jobs.get(0);
        engine.jobService().setRetries(retried.id(), 1, null, false);
        engine.jobExecutor().executeDueJobs();

        String completed = retried.processInstanceId();
        assertThat(count("SELECT COUNT(*) FROM tern_process_instance WHERE id = '" + completed + "'"))
            .isZero();
        assertThat(count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE state = 'COMPLETED'"))
            .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tern_incident")).isEqualTo(4);
        assertThat(
                count(
                    "SELECT COUNT(*) FROM tern_hi_variable WHERE name = 'status' AND long_value = 200"
                        + " AND process_instance_id = '" + completed + "'"))
            .isEqualTo(1);
      } finally {
        stub.stop(0);
      }
    }
  }

  private List<Job> jobsOf(ProcessEngine engine, List<String> instances) {
    List<Job> jobs = new ArrayList<>();
    for (String instance : instances) {
      jobs.addAll(
          db.database()
              .withHandle(
                  h ->
                      h.createQuery("SELECT id FROM tern_job WHERE process_instance_id = :pi")
                          .bind("pi", instance)
                          .mapTo(String.class)
                          .list())
              .stream()
              .map(id -> engine.jobService().getJob(id))
              .toList());
    }
    return jobs;
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String process(int port) {
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="outage" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
            <serviceTask id="call" camunda:asyncBefore="true">
              <extensionElements>
                <camunda:failedJobRetryTimeCycle>R2/PT1M</camunda:failedJobRetryTimeCycle>
                <camunda:connector>
                  <camunda:connectorId>http-connector</camunda:connectorId>
                  <camunda:inputOutput>
                    <camunda:inputParameter name="url">http://127.0.0.1:%d/orders/${orderId}</camunda:inputParameter>
                    <camunda:inputParameter name="method">POST</camunda:inputParameter>
                    <camunda:inputParameter name="payload">{"id":"${orderId}"}</camunda:inputParameter>
                    <camunda:outputParameter name="status">${statusCode}</camunda:outputParameter>
                  </camunda:inputOutput>
                </camunda:connector>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
        .formatted(port);
  }
}
