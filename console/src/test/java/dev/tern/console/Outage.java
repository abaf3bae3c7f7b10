package dev.tern.console;

import static org.awaitility.Awaitility.await;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.deployment.DeploymentQuery;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.query.Page;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestResource;
import dev.tern.rest.RestResources;
import dev.tern.rest.story.DownstreamStub;
import dev.tern.rest.testing.RestTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outage of the REST story tests, for the console: a server with the API and the console (HTTP
 * Basic and console sign-in on, user {@value #ADMIN}), the order-sync process pointed at a
 * downstream stub that is down, and orders whose jobs used up their retries.
 */
final class Outage implements AutoCloseable {

  static final String ADMIN = "admin";

  /** The console's session secret, shared by every node of the outage's cluster. */
  static final String CONSOLE_SECRET = "the outage story's console secret, shared by every node";

  static final String PASSWORD = "admin-secret";
  static final String DEFINITION = "orderSync";
  static final String ACTIVITY = "callDownstream";
  // two batch jobs per group of ORDERS: progress is visible
  static final int INVOCATIONS_PER_BATCH_JOB = 5;

  final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
  final DownstreamStub downstream;
  final RestTestServer server;

  Outage(TestDatabase db) throws IOException {
    downstream = DownstreamStub.startDown();
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                engine ->
                    engine
                        .jobExecutorSettings(
                            JobExecutorSettings.defaults()
                                .withIdleDelays(Duration.ofMillis(10), Duration.ofMillis(100)))
                        .batchSettings(
                            BatchSettings.defaults()
                                .withInvocationsPerBatchJob(INVOCATIONS_PER_BATCH_JOB)
                                .withBatchJobsPerSeed(1)))
            .resources(Outage::withConsole)
            .basicAuthentication()
            .start();
    server.engine().identityService().ensureAdministrator(ADMIN, PASSWORD);
  }

  private static List<RestResource> withConsole(ProcessEngine engine) {
    return withConsole(engine, CONSOLE_SECRET);
  }

  private static List<RestResource> withConsole(ProcessEngine engine, String consoleSecret) {
    List<RestResource> resources = new ArrayList<>(RestResources.all(engine));
    resources.add(ConsoleResource.of(engine, true, consoleSecret));
    return resources;
  }

  /**
   * Another node on the same database, its console signing sessions with {@code consoleSecret}; the
   * caller closes it.
   */
  RestTestServer anotherNode(TestDatabase db, String consoleSecret) {
    return RestTestServer.builder(db)
        .clock(clock)
        .resources(engine -> withConsole(engine, consoleSecret))
        .basicAuthentication()
        .start();
  }

  ProcessEngine engine() {
    return server.engine();
  }

  String consoleUrl() {
    return "http://127.0.0.1:" + server.port() + ConsoleResource.HOME;
  }

  /**
   * The order-sync process (the console's copy, with its diagram), pointed at the downstream stub.
   */
  String orderSyncBpmn() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/console/order-sync.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("http://127.0.0.1:9090", downstream.baseUrl());
    }
  }

  /**
   * Deploys order-sync, starts {@code orders} orders and lets them fail until no retries are left.
   */
  Outage failOrders(int orders) throws IOException {
    engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of("order-sync.bpmn", orderSyncBpmn().getBytes(StandardCharsets.UTF_8)))
                .withName("order-sync"));
    return startFailingOrders(orders);
  }

  /** Starts {@code orders} orders of the deployed order-sync and lets them use up their retries. */
  Outage startFailingOrders(int orders) {
    for (int i = 0; i < orders; i++) {
      engine()
          .runtimeService()
          .startProcessInstanceByKey(
              DEFINITION, null, "order-" + i, Map.of("orderId", "order-" + i, "amount", 100));
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              clock.advance(Duration.ofSeconds(10));
              return failedJobs() == orders;
            });
    return this;
  }

  /**
   * Deploys the charge process, starts {@code tasks} instances and fails their external tasks with
   * no retries left: each gets a failedExternalTask incident.
   */
  Outage failExternalTasks(int tasks) throws IOException {
    deployCharge();
    for (int i = 0; i < tasks; i++) {
      engine().runtimeService().startProcessInstanceByKey("charge", null, "charge-" + i, Map.of());
    }
    ExternalTaskService externalTasks = engine().externalTaskService();
    externalTasks
        .fetchAndLock(
            new FetchRequest(
                "worker", tasks, false, null, List.of(TopicRequest.of("charge", 60_000))))
        .forEach(
            locked ->
                externalTasks.handleFailure(
                    Caller.SYSTEM,
                    locked.task().id(),
                    "worker",
                    "card declined",
                    "details",
                    0,
                    0,
                    Map.of()));
    return this;
  }

  /** Runs one charge instance to its end, its worker adding {@code receipt}; its id. */
  String completedCharge() throws IOException {
    deployCharge();
    String id =
        engine()
            .runtimeService()
            .startProcessInstanceByKey("charge", null, "paid", Map.of("amount", 42))
            .id();
    ExternalTaskService externalTasks = engine().externalTaskService();
    externalTasks
        .fetchAndLock(
            new FetchRequest("worker", 1, false, null, List.of(TopicRequest.of("charge", 60_000))))
        .forEach(
            locked ->
                externalTasks.complete(
                    locked.task().id(), "worker", Map.of("receipt", "R-1"), Map.of()));
    return id;
  }

  private void deployCharge() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/console/charge.bpmn")) {
      engine()
          .deploymentService()
          .deploy(NewDeployment.of(Map.of("charge.bpmn", in.readAllBytes())).withName("charge"));
    }
  }

  long failedJobs() {
    return engine().jobService().countJobs(engine().jobService().createJobQuery().noRetriesLeft());
  }

  long openIncidents() {
    return engine()
        .incidentService()
        .countIncidents(engine().incidentService().createIncidentQuery());
  }

  long batches() {
    return engine().batchService().count(BatchQuery.all());
  }

  /**
   * Removes what this outage left (the test methods of one class run share their database): its
   * batches, then its deployment with every instance, job and incident, once no job is running.
   */
  @Override
  public void close() {
    try {
      // running jobs would fight the deletes below for their rows: let them finish first
      engine().jobExecutor().pause();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  engine()
                          .jobService()
                          .countJobs(engine().jobService().createJobQuery().set("acquired", true))
                      == 0);
      engine()
          .batchService()
          .list(BatchQuery.all(), 0, Integer.MAX_VALUE)
          .forEach(batch -> engine().batchService().delete(batch.id(), true));
      engine()
          .deploymentService()
          .queryDeployments(new DeploymentQuery(), Page.ALL)
          .forEach(d -> engine().deploymentService().deleteDeployment(d.id(), true));
    } finally {
      closeServer();
    }
  }

  private void closeServer() {
    try {
      server.close();
    } finally {
      downstream.close();
    }
  }
}
