package dev.tern.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.query.Page;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.history.HistoryModule;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobFixture;
import dev.tern.engine.job.JobModule;
import dev.tern.engine.runtime.JobDefinitionsOnDeploy;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.runtime.DeploymentDataRemoval;
import dev.tern.engine.runtime.VariableStore;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DeploymentServiceTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final DeploymentService service;
  /** Unique per test, so tests sharing one database run never see each other's keys. */
  private final String prefix = "k" + UUID.randomUUID().toString().substring(0, 8);

  DeploymentServiceTest(TestDatabase db) {
    this.db = db;
    this.service = newService(db.database());
  }

  private DeploymentService newService(Database database) {
    Ids ids = new Ids(clock);
    HistoryModule history = new HistoryModule(clock, database.dialect(), "test");
    IncidentStore incidents = JobFixture.incidents(clock, history);
    JobModule jobs = new JobModule(database, clock, history.jobLog(), incidents);
    return new DeploymentService(
        database,
        clock,
        ids,
        EngineSettings.defaults(),
        100,
        new JobDefinitionsOnDeploy(ids, jobs.jobDefinitions()),
        new DeploymentDataRemoval(
            database.dialect(),
            jobs.jobs(),
            jobs.jobDefinitions(),
            incidents,
            new VariableStore(clock, ids),
            history.deployments(),
            new dev.tern.engine.event.EventSubscriptionStore(clock, ids)));
  }

  static byte[] process(String key, String taskName) {
    return BpmnParserTest.process(
            key,
            BpmnParserTest.startTo("task")
                + "<userTask id=\"task\" name=\""
                + taskName
                + "\"/><sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/><endEvent id=\"end\"/>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] orderSync(String key) throws IOException {
    return new String(BpmnParserTest.resource("order-sync.bpmn"), StandardCharsets.UTF_8)
        .replace("id=\"orderSync\"", "id=\"" + key + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> resources(Object... nameAndContent) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (int i = 0; i < nameAndContent.length; i += 2) {
      map.put((String) nameAndContent[i], (byte[]) nameAndContent[i + 1]);
    }
    return map;
  }

  private DeploymentWithDefinitions deploy(String tenantId, Object... nameAndContent) {
    return service.deploy(NewDeployment.of(resources(nameAndContent)).withTenantId(tenantId));
  }

  @Test
  void deployingOrderSyncCreatesDeploymentDefinitionAndJobDefinitions() throws IOException {
    String key = prefix + "orderSync";
    DeploymentWithDefinitions result =
        service.deploy(
            NewDeployment.of(resources("order-sync.bpmn", orderSync(key)))
                .withName(prefix)
                .withSource("test"));

    assertThat(result.created()).isTrue();
    Deployment deployment = result.deployment();
    assertThat(deployment.name()).isEqualTo(prefix);
    assertThat(deployment.source()).isEqualTo("test");
    assertThat(deployment.deploymentTime()).isEqualTo(clock.instant());
    assertThat(service.getDeployment(deployment.id())).isEqualTo(deployment);

    ProcessDefinition definition = result.deployedProcessDefinitions().get(0);
    assertThat(definition.id()).matches(key + ":1:[0-9a-f-]{36}");
    assertThat(definition)
        .extracting(
            ProcessDefinition::key,
            ProcessDefinition::name,
            ProcessDefinition::category,
            ProcessDefinition::version,
            ProcessDefinition::resourceName,
            ProcessDefinition::deploymentId,
            ProcessDefinition::historyTimeToLive,
            ProcessDefinition::suspended)
        .containsExactly(
            key, "Order sync", "http://example.com/tern", 1, "order-sync.bpmn", deployment.id(), 30, false);
    assertThat(service.getProcessDefinition(definition.id())).isEqualTo(definition);

    List<JobDefinition> jobDefinitions =
        JobFixture.definitionsOf(db.database(), definition.id());
    assertThat(jobDefinitions)
        .extracting(JobDefinition::activityId, JobDefinition::jobType, JobDefinition::jobConfiguration)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("callDownstream", "async-continuation", "async-before"),
            org.assertj.core.groups.Tuple.tuple("reviewTimeout", "timer-transition", "DURATION: P2D"));
    assertThat(jobDefinitions)
        .allSatisfy(
            j -> {
              assertThat(j.processDefinitionKey()).isEqualTo(key);
              // as Camunda 7.24, which leaves a process's job definitions without a deployment
              assertThat(j.deploymentId()).isNull();
            });
    assertThat(service.getResources(deployment.id()))
        .extracting(DeploymentResource::name)
        .containsExactly("order-sync.bpmn");
  }

  @Test
  void asyncAfterAndIntermediateTimersGetTheirJobDefinitions() {
    String key = prefix + "timers";
    byte[] xml =
        BpmnParserTest.process(
                key,
                BpmnParserTest.startTo("wait")
                    + "<intermediateCatchEvent id=\"wait\" camunda:asyncAfter=\"true\"><timerEventDefinition>"
                    + "<timeDate>2026-05-01T00:00:00Z</timeDate></timerEventDefinition></intermediateCatchEvent>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"wait\" targetRef=\"end\"/><endEvent id=\"end\"/>")
            .getBytes(StandardCharsets.UTF_8);

    String id = deploy(null, "t.bpmn", xml).deployedProcessDefinitions().get(0).id();

    List<JobDefinition> jobDefinitions =
        JobFixture.definitionsOf(db.database(), id);
    assertThat(jobDefinitions)
        .extracting(JobDefinition::jobType, JobDefinition::jobConfiguration)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("async-continuation", "async-after"),
            org.assertj.core.groups.Tuple.tuple(
                "timer-intermediate-transition", "DATE: 2026-05-01T00:00:00Z"));
  }

  @Test
  void versionsCountPerKeyAndTenant() {
    String key = prefix + "p";

    assertThat(version(deploy(null, "a.bpmn", process(key, "a")))).isEqualTo(1);
    assertThat(version(deploy(null, "a.bpmn", process(key, "a")))).isEqualTo(2);
    assertThat(version(deploy("tenantA", "a.bpmn", process(key, "a")))).isEqualTo(1);
    assertThat(version(deploy("tenantB", "a.bpmn", process(key, "a")))).isEqualTo(1);
    assertThat(version(deploy("tenantA", "a.bpmn", process(key, "a")))).isEqualTo(2);
    assertThat(version(deploy(null, "other.bpmn", process(key + "x", "a")))).isEqualTo(1);

    assertThat(service.getLatestProcessDefinition(key, null).version()).isEqualTo(2);
    assertThat(service.getLatestProcessDefinition(key, "tenantA").version()).isEqualTo(2);
    assertThat(service.getLatestProcessDefinition(key, "tenantA").tenantId()).isEqualTo("tenantA");
    assertThatThrownBy(() -> service.getLatestProcessDefinition(key, "tenantC"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No matching process definition with key: " + key + " and tenant-id: tenantC");
    assertThatThrownBy(() -> service.getLatestProcessDefinition(prefix + "none", null))
        .hasMessage("No matching process definition with key: " + prefix + "none and no tenant-id");
  }

  private static int version(DeploymentWithDefinitions result) {
    return result.deployedProcessDefinitions().get(0).version();
  }

  @Test
  void aTooLongDefinitionIdFallsBackToTheGeneratedId() {
    String key = prefix + "x".repeat(40);

    ProcessDefinition definition = deploy(null, "long.bpmn", process(key, "a")).deployedProcessDefinitions().get(0);

    assertThat(definition.id()).matches("[0-9a-f-]{36}");
    assertThat(definition.key()).isEqualTo(key);
  }

  @Test
  void duplicateFilteringReturnsTheExistingDeploymentWhenNothingChanged() {
    String key = prefix + "dup";
    NewDeployment request =
        NewDeployment.of(resources("a.bpmn", process(key, "a"), "b.bpmn", process(key + "b", "b")))
            .withName(prefix)
            .withDuplicateFiltering(false);

    DeploymentWithDefinitions first = service.deploy(request);
    clock.advance(Duration.ofSeconds(1));
    DeploymentWithDefinitions second = service.deploy(request);

    assertThat(second.created()).isFalse();
    assertThat(second.deployment()).isEqualTo(first.deployment());
    assertThat(second.deployedProcessDefinitions()).isEmpty();
    assertThat(service.countDeployments(DeploymentQuery.all().withName(prefix))).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    DeploymentWithDefinitions changed =
        service.deploy(
            NewDeployment.of(resources("a.bpmn", process(key, "changed"), "b.bpmn", process(key + "b", "b")))
                .withName(prefix)
                .withDuplicateFiltering(false));

    assertThat(changed.created()).isTrue();
    assertThat(changed.deployedProcessDefinitions())
        .extracting(ProcessDefinition::key, ProcessDefinition::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(key, 2), org.assertj.core.groups.Tuple.tuple(key + "b", 2));
  }

  @Test
  void deployChangedOnlyDeploysJustTheChangedResources() {
    String key = prefix + "chg";
    service.deploy(
        NewDeployment.of(resources("a.bpmn", process(key, "a"), "b.bpmn", process(key + "b", "b")))
            .withName(prefix)
            .withDuplicateFiltering(true));
    clock.advance(Duration.ofSeconds(1));

    DeploymentWithDefinitions second =
        service.deploy(
            NewDeployment.of(resources("a.bpmn", process(key, "a"), "b.bpmn", process(key + "b", "changed")))
                .withName(prefix)
                .withDuplicateFiltering(true));

    assertThat(second.created()).isTrue();
    assertThat(service.getResources(second.deployment().id()))
        .extracting(DeploymentResource::name)
        .containsExactly("b.bpmn");
    assertThat(second.deployedProcessDefinitions())
        .extracting(ProcessDefinition::key, ProcessDefinition::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(key + "b", 2));

    clock.advance(Duration.ofSeconds(1));
    DeploymentWithDefinitions third =
        service.deploy(
            NewDeployment.of(resources("a.bpmn", process(key, "a"), "b.bpmn", process(key + "b", "changed")))
                .withName(prefix)
                .withDuplicateFiltering(true));
    assertThat(third.created()).isFalse();
    assertThat(third.deployment()).isEqualTo(second.deployment());
  }

  @Test
  void duplicateFilteringComparesOnlyDeploymentsOfTheSameTenant() {
    String key = prefix + "ten";
    NewDeployment request =
        NewDeployment.of(resources("a.bpmn", process(key, "a"))).withName(prefix).withDuplicateFiltering(false);

    service.deploy(request.withTenantId("t1"));
    DeploymentWithDefinitions otherTenant = service.deploy(request.withTenantId("t2"));

    assertThat(otherTenant.created()).isTrue();
    assertThat(otherTenant.deployment().tenantId()).isEqualTo("t2");
  }

  @Test
  void aRefusedResourceRefusesTheWholeDeployment() {
    String key = prefix + "ref";

    assertThatThrownBy(
            () ->
                service.deploy(
                    NewDeployment.of(resources("good.bpmn", process(key, "a"), "bad.bpmn", "not xml".getBytes()))
                        .withName(prefix)))
        .isInstanceOf(ParseException.class)
        .satisfies(e -> assertThat(((ParseException) e).details()).containsOnlyKeys("bad.bpmn"));

    assertThat(service.countDeployments(DeploymentQuery.all().withName(prefix))).isZero();
    assertThat(service.countProcessDefinitions(ProcessDefinitionQuery.all().withKey(key))).isZero();
  }

  @Test
  void twoProcessesWithTheSameKeyInOneDeploymentAreRefused() {
    String key = prefix + "same";

    assertThatThrownBy(() -> deploy(null, "a.bpmn", process(key, "a"), "b.bpmn", process(key, "b")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("The deployment contains definitions with the same key '" + key + "'");
  }

  @Test
  void otherResourcesAreStoredWithoutDefinitionsButDecisionModelsAreRefused() {
    DeploymentWithDefinitions result = deploy(null, "notes.txt", "hello".getBytes());

    assertThat(result.deployedProcessDefinitions()).isEmpty();
    DeploymentResource resource = service.getResources(result.deployment().id()).get(0);
    assertThat(service.findResourceContent(result.deployment().id(), resource.id()))
        .hasValueSatisfying(c -> assertThat(new String(c)).isEqualTo("hello"));
    assertThatThrownBy(() -> deploy(null, "d.dmn", "<definitions/>".getBytes()))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Resource 'd.dmn' is a DMN or CMMN model");
  }

  @Test
  void deletingADeploymentWithInstancesNeedsCascade() {
    ProcessDefinition definition = deploy(null, "a.bpmn", process(prefix + "del", "a")).deployedProcessDefinitions().get(0);
    String deploymentId = definition.deploymentId();
    insertRuntimeAndHistory(definition);

    assertThatThrownBy(() -> service.deleteDeployment(deploymentId, false))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "ENGINE-03076 Deletion of process definition without cascading failed. Process"
                + " definition with id: "
                + definition.id()
                + " can't be deleted, since there exists 1 dependening process instances.");
    assertThat(service.findDeployment(deploymentId)).isPresent();

    service.deleteDeployment(deploymentId, true);

    assertThat(service.findDeployment(deploymentId)).isEmpty();
    assertThat(service.findProcessDefinition(definition.id())).isEmpty();
    for (String table :
        List.of(
            "tern_process_instance", "tern_execution", "tern_variable", "tern_job", "tern_incident",
            "tern_job_definition", "tern_hi_process_instance", "tern_hi_job_log", "tern_hi_incident",
            "tern_resource")) {
      assertThat(count(table, definition)).as(table).isZero();
    }
    assertThatThrownBy(() -> service.processModelCache().get(definition.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingADeploymentWithoutInstancesKeepsOtherDeployments() {
    ProcessDefinition mine = deploy(null, "a.bpmn", process(prefix + "a", "a")).deployedProcessDefinitions().get(0);
    ProcessDefinition other = deploy(null, "b.bpmn", process(prefix + "b", "b")).deployedProcessDefinitions().get(0);
    insertRuntimeAndHistory(other);

    service.deleteDeployment(mine.deploymentId(), false);

    assertThat(service.findDeployment(mine.deploymentId())).isEmpty();
    assertThat(service.findProcessDefinition(other.id())).isPresent();
    assertThat(count("tern_process_instance", other)).isEqualTo(1);
    assertThatThrownBy(() -> service.deleteDeployment("missing", true))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Deployment with id 'missing' does not exist");
  }

  private long count(String table, ProcessDefinition definition) {
    String where =
        switch (table) {
          case "tern_execution", "tern_variable" -> "process_instance_id = 'pi-" + definition.id() + "'";
          case "tern_resource" -> "deployment_id = '" + definition.deploymentId() + "'";
          default -> "proc_def_id = '" + definition.id() + "'";
        };
    return db.database()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where).mapTo(Long.class).one());
  }

  private void insertRuntimeAndHistory(ProcessDefinition definition) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    String pi = "pi-" + definition.id();
    db.database()
        .useTransaction(
            h -> {
              h.execute(
                  "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, start_time,"
                      + " root_process_instance_id) VALUES (?, ?, ?, ?, ?)",
                  pi, definition.id(), definition.key(), now, pi);
              h.execute(
                  "INSERT INTO tern_execution (id, process_instance_id, activity_id, state,"
                      + " create_time) VALUES (?, ?, 'task', 'WAITING', ?)",
                  "ex-" + pi, pi, now);
              h.execute(
                  "INSERT INTO tern_variable (id, process_instance_id, execution_id, act_inst_id, name,"
                      + " var_type, text_value, create_time) VALUES (?, ?, ?, ?, 'v', 'string', 'x', ?)",
                  "var-" + pi, pi, pi, pi, now);
              h.execute(
                  "INSERT INTO tern_job (id, job_kind, handler_type, process_instance_id, proc_def_id,"
                      + " deployment_id, retries, create_time) VALUES (?, 'message',"
                      + " 'async-continuation', ?, ?, ?, 0, ?)",
                  "job-" + pi, pi, definition.id(), definition.deploymentId(), now);
              h.execute(
                  "INSERT INTO tern_incident (id, incident_type, incident_timestamp,"
                      + " process_instance_id, proc_def_id) VALUES (?, 'failedJob', ?, ?, ?)",
                  "inc-" + pi, now, pi, definition.id());
              h.execute(
                  "INSERT INTO tern_hi_process_instance (id, proc_def_id, proc_def_key, start_time,"
                      + " state) VALUES (?, ?, ?, ?, 'ACTIVE')",
                  pi, definition.id(), definition.key(), now);
              h.execute(
                  "INSERT INTO tern_hi_job_log (id, log_time, job_state, job_id, proc_def_id) VALUES"
                      + " (?, ?, 0, ?, ?)",
                  "log-" + pi, now, "job-" + pi, definition.id());
              h.execute(
                  "INSERT INTO tern_hi_incident (id, incident_type, create_time, incident_state,"
                      + " proc_def_id) VALUES (?, 'failedJob', ?, 0, ?)",
                  "hinc-" + pi, now, definition.id());
            });
  }

  @Test
  void concurrentDeploymentsOfOneKeyFromTwoNodesGetDistinctVersions() throws Exception {
    String key = prefix + "race";
    try (Database secondNode = Database.open(db.config())) {
      DeploymentService other = newService(secondNode);
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        DeploymentService node = i % 2 == 0 ? service : other;
        tasks.add(() -> version(node.deploy(NewDeployment.of(resources("a.bpmn", process(key, "a"))))));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Integer> versions = new ArrayList<>();
      try {
        for (Future<Integer> f : pool.invokeAll(tasks)) {
          versions.add(f.get());
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }
  }

  @Test
  void deploymentQueriesFilterSortAndPage() {
    Instant t0 = clock.instant();
    Deployment a = service.deploy(NewDeployment.of(resources("x.txt", new byte[] {1})).withName(prefix + "-a").withSource("s1")).deployment();
    clock.advance(Duration.ofSeconds(1));
    Deployment b = service.deploy(NewDeployment.of(resources("x.txt", new byte[] {1})).withName(prefix + "-b").withTenantId("t1")).deployment();
    clock.advance(Duration.ofSeconds(1));
    Deployment c = service.deploy(NewDeployment.of(resources("x.txt", new byte[] {1})).withName(prefix + "-c").withTenantId("t2")).deployment();

    java.util.function.Supplier<DeploymentQuery> mine =
        () -> DeploymentQuery.all().set("nameLike", prefix + "-%");
    assertThat(service.queryDeployments(mine.get().orderBy("name", false), Page.ALL))
        .containsExactly(c, b, a);
    assertThat(service.queryDeployments(mine.get().orderBy("deploymentTime", true), new Page(1, 1)))
        .containsExactly(b);
    assertThat(service.countDeployments(mine.get())).isEqualTo(3);
    assertThat(service.queryDeployments(mine.get().set("tenantIdIn", List.of("t1", "t2")), Page.ALL))
        .containsExactlyInAnyOrder(b, c);
    assertThat(
            service.queryDeployments(
                mine.get().set("tenantIdIn", List.of("t1")).set("includeDeploymentsWithoutTenantId", true),
                Page.ALL))
        .containsExactlyInAnyOrder(a, b);
    assertThat(service.queryDeployments(mine.get().set("withoutTenantId", true), Page.ALL))
        .containsExactly(a);
    assertThat(service.queryDeployments(mine.get().set("source", "s1"), Page.ALL))
        .containsExactly(a);
    assertThat(service.queryDeployments(mine.get().set("withoutSource", true), Page.ALL))
        .containsExactlyInAnyOrder(b, c);
    assertThat(
            service.queryDeployments(
                mine.get().set("after", t0).set("before", t0.plusSeconds(2)), Page.ALL))
        .containsExactly(b);
    assertThat(
            service.queryDeployments(
                DeploymentQuery.all().set("id", b.id()).set("name", prefix + "-b"), Page.ALL))
        .containsExactly(b);
  }

  @Test
  void processDefinitionQueriesFilterSortAndPage() {
    String k1 = prefix + "one";
    String k2 = prefix + "two";
    ProcessDefinition one1 = deploy(null, "a.bpmn", process(k1, "a")).deployedProcessDefinitions().get(0);
    ProcessDefinition one2 = deploy(null, "a.bpmn", process(k1, "a")).deployedProcessDefinitions().get(0);
    ProcessDefinition two1 = deploy("t1", "b.bpmn", process(k2, "b")).deployedProcessDefinitions().get(0);
    java.util.function.Supplier<ProcessDefinitionQuery> both =
        () -> ProcessDefinitionQuery.all().set("keysIn", List.of(k1, k2));

    assertThat(service.queryProcessDefinitions(both.get().orderBy("version", false).orderBy("key", true), Page.ALL))
        .containsExactly(one2, one1, two1);
    assertThat(service.countProcessDefinitions(both.get())).isEqualTo(3);
    assertThat(service.queryProcessDefinitions(both.get().set("latestVersion", true), Page.ALL))
        .containsExactlyInAnyOrder(one2, two1);
    assertThat(service.queryProcessDefinitions(both.get().set("tenantIdIn", List.of("t1")), Page.ALL))
        .containsExactly(two1);
    assertThat(service.queryProcessDefinitions(both.get().set("deploymentId", one1.deploymentId()), Page.ALL))
        .containsExactly(one1);
    assertThat(service.queryProcessDefinitions(ProcessDefinitionQuery.all().withKey(k1).orderBy("version", true), new Page(1, 5)))
        .containsExactly(one2);
    assertThat(
            service.queryProcessDefinitions(
                ProcessDefinitionQuery.all()
                    .set("keyLike", prefix + "t%")
                    .set("version", 1)
                    .set("withoutTenantId", true)
                    .set("active", true),
                Page.ALL))
        .isEmpty();
    assertThat(
            service.queryProcessDefinitions(
                ProcessDefinitionQuery.all()
                    .set("processDefinitionId", one1.id())
                    .set("keyLike", prefix + "%")
                    .set("version", 1)
                    .set("withoutTenantId", true)
                    .set("active", true),
                Page.ALL))
        .containsExactly(one1);
  }

  @Test
  void theModelCacheParsesStoredResourcesOnAMiss() throws IOException {
    String key = prefix + "cache";
    ProcessDefinition definition =
        deploy(null, "order-sync.bpmn", orderSync(key)).deployedProcessDefinitions().get(0);
    DeploymentService freshNode = newService(db.database());

    ProcessModel model = freshNode.processModelCache().get(definition.id());

    assertThat(model.key()).isEqualTo(key);
    assertThat(model).isEqualTo(service.processModelCache().get(definition.id()));
    assertThat(freshNode.getProcessDefinitionXml(definition.id()))
        .isEqualTo(new String(orderSync(key), StandardCharsets.UTF_8));
    assertThatThrownBy(() -> freshNode.processModelCache().get("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No matching definition with id nope");
  }
}
