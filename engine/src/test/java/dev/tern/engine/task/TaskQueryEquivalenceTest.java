package dev.tern.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.identity.Group;
import dev.tern.engine.identity.User;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.VariableCondition;
import dev.tern.engine.query.VariableOperator;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Builds random tasks (of processes and standalone) through the engine, then checks for hundreds
 * of random filter combinations that the task query selects exactly the tasks a plain-Java
 * evaluation of the same filters selects, through its list and its count, and that sorting by
 * creation time or priority orders them as Java does. The seed is printed; rerun a failure with
 * {@code -Dtern.queries.seed=<seed>}, raise the number of queries with {@code
 * -Dtern.taskQueries=<n>}.
 */
@DatabaseTest
class TaskQueryEquivalenceTest {

  private static final long DEFAULT_SEED = 20261205L;
  private static final List<String> USERS = List.of("ann", "bob", "cy", "dee", "eve");
  private static final List<String> GROUPS = List.of("sales", "finance", "legal", "ops");

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="pick"/>
          <exclusiveGateway id="pick"/>
          <sequenceFlow id="toReview" sourceRef="pick" targetRef="review">
            <conditionExpression>${step == 'review'}</conditionExpression>
          </sequenceFlow>
          <sequenceFlow id="toApprove" sourceRef="pick" targetRef="approveInvoice">
            <conditionExpression>${step != 'review'}</conditionExpression>
          </sequenceFlow>
          <userTask id="review" name="${name}" camunda:assignee="${assignee}"
              camunda:candidateGroups="${groups}" camunda:candidateUsers="${users}"
              camunda:priority="${prio}" camunda:dueDate="${due}"/>
          <userTask id="approveInvoice" name="${name}" camunda:assignee="${assignee}"
              camunda:candidateGroups="${groups}" camunda:priority="${prio}"
              camunda:followUpDate="${due}"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          <sequenceFlow id="f3" sourceRef="approveInvoice" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;

  TaskQueryEquivalenceTest(TestDatabase db) {
    this.db = db;
  }

  /** What the plain-Java evaluation knows of one task. */
  record Row(
      Task task,
      Set<String> candidateUsers,
      Set<String> candidateGroups,
      Set<String> linkedUsers,
      String businessKey,
      boolean suspended,
      Map<String, Object> locals,
      Map<String, Object> processVariables) {}

  /** One filter: its name, a random value drawn from the data, its meaning in Java. */
  record Filter(String name, Function<Random, Object> value, Matcher matcher) {}

  interface Matcher {
    boolean matches(Row row, Object value, Map<String, Object> query);
  }

  @Test
  void theTaskQuerySelectsWhatThePlainJavaEvaluationSelects() {
    long seed = Long.getLong("tern.queries.seed", DEFAULT_SEED);
    int queryCount = Integer.getInteger("tern.taskQueries", 200);
    System.out.println("TaskQueryEquivalenceTest seed=" + seed + " (" + db.dialect() + ")");
    Random random = new Random(seed);
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-02-02T08:00:00Z"));
    clean();
    try (ProcessEngine engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build()) {
      long started = System.nanoTime();
      build(engine, clock, random);
      List<Row> rows = snapshot(engine);
      System.out.printf(
          "TaskQueryEquivalenceTest: %d tasks built in %d ms%n",
          rows.size(), (System.nanoTime() - started) / 1_000_000);
      List<Filter> filters = filters(rows, clock);
      List<String> mismatches = new ArrayList<>();
      int selected = 0;
      started = System.nanoTime();
      for (int i = 0; i < queryCount; i++) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Filter> chosen = new ArrayList<>();
        int size = 1 + random.nextInt(3);
        while (chosen.size() < size) {
          Filter f = filters.get(random.nextInt(filters.size()));
          if (!values.containsKey(f.name())) {
            chosen.add(f);
            values.put(f.name(), f.value().apply(random));
          }
        }
        if (random.nextInt(4) == 0) {
          values.put("includeAssignedTasks", true);
        }
        TaskQuery query = new TaskQuery();
        values.forEach(query::set);
        Set<String> expected =
            rows.stream()
                .filter(r -> chosen.stream().allMatch(f -> f.matcher().matches(r, values.get(f.name()), values)))
                .map(r -> r.task().id())
                .collect(Collectors.toSet());
        String sortBy = random.nextBoolean() ? "created" : "priority";
        boolean ascending = random.nextBoolean();
        query.filters().orderBy(sortBy, ascending);
        List<Task> listed = engine.taskService().list(Caller.SYSTEM, query, Page.ALL);
        Set<String> actual = listed.stream().map(Task::id).collect(Collectors.toSet());
        long count = engine.taskService().count(Caller.SYSTEM, query);
        if (!expected.equals(actual) || count != expected.size()) {
          Set<String> missing = new HashSet<>(expected);
          missing.removeAll(actual);
          Set<String> extra = new HashSet<>(actual);
          extra.removeAll(expected);
          mismatches.add(values + "\n  missing " + missing + "\n  extra " + extra + "\n  count " + count + " expected " + expected.size());
        }
        Comparator<Task> order =
            sortBy.equals("created")
                ? Comparator.comparing(Task::created)
                : Comparator.comparingInt(Task::priority);
        List<Task> sorted = new ArrayList<>(listed);
        sorted.sort(ascending ? order : order.reversed());
        if (!sorted.stream().map(sortBy.equals("created") ? t -> (Object) t.created() : t -> t.priority()).toList()
            .equals(listed.stream().map(sortBy.equals("created") ? t -> (Object) t.created() : t -> t.priority()).toList())) {
          mismatches.add(values + " sorted by " + sortBy + (ascending ? " asc" : " desc") + " out of order");
        }
        selected += expected.size();
      }
      System.out.printf(
          "TaskQueryEquivalenceTest: %d queries checked in %d ms, %d rows selected%n",
          queryCount, (System.nanoTime() - started) / 1_000_000, selected);
      assertThat(mismatches).as("seed " + seed).isEmpty();
      assertThat(selected).as("the queries select something").isGreaterThan(queryCount);
    }
  }

  private void clean() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_hi_identity_link",
                      "tern_group_member",
                      "tern_group",
                      "tern_user",
                      "tern_hi_task",
                      "tern_task_variable",
                      "tern_task_identity_link",
                      "tern_task",
                      "tern_job",
                      "tern_variable",
                      "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  // ------------------------------------------------------------------ data

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String someOf(Random random, List<String> values) {
    return values.stream().filter(v -> random.nextInt(3) == 0).collect(Collectors.joining(","));
  }

  private void build(ProcessEngine engine, MutableClock clock, Random random) {
    for (String group : GROUPS) {
      engine.identityService().createGroup(Caller.SYSTEM, new Group(group, group, "WORKFLOW"));
    }
    for (String user : USERS) {
      engine.identityService().createUser(Caller.SYSTEM, new User(user, user, user, null), "secret-pw-1");
      for (String group : GROUPS) {
        if (random.nextInt(3) == 0) {
          engine.identityService().addGroupMember(Caller.SYSTEM, group, user);
        }
      }
    }
    for (String[] process : List.of(new String[] {"invoice", "Invoice handling"}, new String[] {"leave", "Leave request"})) {
      engine
          .deploymentService()
          .deploy(
              NewDeployment.of(
                      Map.of(process[0] + ".bpmn", PROCESS.formatted(process[0], process[1]).getBytes(StandardCharsets.UTF_8)))
                  .withDuplicateFiltering(true));
    }
    List<String> names = List.of("Check invoice", "check Contract", "Approve leave", "Review", "Sign_off 100%");
    TaskService tasks = engine.taskService();
    for (int i = 0; i < 36; i++) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
      Map<String, Object> variables = new HashMap<>();
      variables.put("step", random.nextBoolean() ? "review" : "approve");
      variables.put("name", random.nextInt(6) == 0 ? null : pick(random, names));
      variables.put("assignee", random.nextInt(3) == 0 ? pick(random, USERS) : null);
      variables.put("groups", someOf(random, GROUPS));
      variables.put("users", someOf(random, USERS));
      variables.put("prio", random.nextInt(5) * 25);
      variables.put("due", random.nextInt(3) == 0 ? null : "P" + (1 + random.nextInt(9)) + "D");
      variables.put("amount", random.nextInt(500));
      variables.put("kind", pick(random, List.of("car", "card", "cart", "bike")));
      String instance =
          engine
              .runtimeService()
              .startProcessInstanceByKey(
                  random.nextBoolean() ? "invoice" : "leave", null, random.nextInt(5) == 0 ? null : "bk-" + (i % 20), variables)
              .id();
      if (random.nextInt(6) == 0) {
        engine.processInstances().suspend(instance);
      }
    }
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
      Instant now = clock.instant();
      String owner = random.nextInt(4) == 0 ? pick(random, USERS) : null;
      Task task =
          tasks.create(
              Caller.SYSTEM,
              null,
              new TaskChanges(
                  random.nextInt(6) == 0 ? null : pick(random, names),
                  random.nextBoolean() ? null : pick(random, List.of("urgent", "routine work", "Urgent!")),
                  random.nextInt(3) == 0 ? null : pick(random, USERS),
                  owner,
                  null,
                  random.nextInt(101),
                  random.nextInt(3) == 0 ? null : now.plus(Duration.ofHours(random.nextInt(200) - 50)),
                  random.nextInt(3) == 0 ? null : now.plus(Duration.ofHours(random.nextInt(200) - 50)),
                  null,
                  pick(random, java.util.Arrays.asList("t1", "t2", null))));
      for (String user : USERS) {
        if (random.nextInt(5) == 0) {
          tasks.addIdentityLink(Caller.SYSTEM, task.id(), new IdentityLink(user, null, IdentityLink.CANDIDATE));
        }
      }
      for (String group : GROUPS) {
        if (random.nextInt(4) == 0) {
          tasks.addIdentityLink(Caller.SYSTEM, task.id(), new IdentityLink(null, group, IdentityLink.CANDIDATE));
        }
      }
      if (random.nextInt(4) == 0) {
        tasks.modifyVariables(
            Caller.SYSTEM,
            task.id(),
            true,
            Map.of(
                "score", TypedValue.fromJava(random.nextInt(10)),
                "label", TypedValue.fromJava(pick(random, List.of("red", "green", "greenish")))),
            List.of());
      }
      if (random.nextInt(5) == 0) {
        clock.advance(Duration.ofMinutes(3));
        tasks.delegate(Caller.SYSTEM, task.id(), pick(random, USERS));
        if (random.nextBoolean()) {
          tasks.resolve(Caller.SYSTEM, task.id(), Map.of());
        }
      }
    }
  }

  private List<Row> snapshot(ProcessEngine engine) {
    TaskService tasks = engine.taskService();
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, Boolean> suspended = new HashMap<>();
    Map<String, Map<String, Object>> processVariables = new HashMap<>();
    db.database()
        .useTransaction(
            h -> {
              h.createQuery("SELECT id, business_key, suspended FROM tern_process_instance")
                  .map((rs, ctx) -> {
                    businessKeys.put(rs.getString("id"), rs.getString("business_key"));
                    suspended.put(rs.getString("id"), rs.getBoolean("suspended"));
                    return null;
                  })
                  .list();
            });
    List<Row> rows = new ArrayList<>();
    for (Task task : tasks.list(Caller.SYSTEM, new TaskQuery(), Page.ALL)) {
      List<IdentityLink> links = tasks.identityLinks(Caller.SYSTEM, task.id(), null);
      Map<String, Object> locals = new HashMap<>();
      tasks.variables(Caller.SYSTEM, task.id(), true).forEach((n, v) -> locals.put(n, v.value()));
      Map<String, Object> instanceVariables = Map.of();
      if (!task.standalone()) {
        instanceVariables =
            processVariables.computeIfAbsent(
                task.processInstanceId(),
                id -> {
                  Map<String, Object> all = new HashMap<>();
                  tasks.variables(Caller.SYSTEM, task.id(), false).forEach((n, v) -> all.put(n, v.value()));
                  all.keySet().removeAll(locals.keySet());
                  return all;
                });
      }
      rows.add(
          new Row(
              task,
              links.stream().filter(l -> l.type().equals(IdentityLink.CANDIDATE) && l.userId() != null).map(IdentityLink::userId).collect(Collectors.toSet()),
              links.stream().filter(l -> l.type().equals(IdentityLink.CANDIDATE) && l.groupId() != null).map(IdentityLink::groupId).collect(Collectors.toSet()),
              links.stream().filter(l -> l.userId() != null && !l.type().equals(IdentityLink.ASSIGNEE) && !l.type().equals(IdentityLink.OWNER)).map(IdentityLink::userId).collect(Collectors.toSet()),
              task.standalone() ? null : businessKeys.get(task.processInstanceId()),
              !task.standalone() && suspended.get(task.processInstanceId()),
              locals,
              instanceVariables));
    }
    return rows;
  }

  // ------------------------------------------------------------------ filters and their meaning

  private List<Filter> filters(List<Row> rows, MutableClock clock) {
    Map<String, Set<String>> members = new HashMap<>();
    db.database()
        .useTransaction(
            h ->
                h.createQuery("SELECT user_id, group_id FROM tern_group_member")
                    .map((rs, ctx) -> members.computeIfAbsent(rs.getString("user_id"), u -> new HashSet<>()).add(rs.getString("group_id")))
                    .list());
    List<Task> tasks = rows.stream().map(Row::task).toList();
    Function<Function<Task, Object>, List<Object>> pool =
        field -> {
          List<Object> values = new ArrayList<>(tasks.stream().map(field).filter(Objects::nonNull).toList());
          values.add("nothing-like-this");
          return values;
        };
    List<String> userPool = new ArrayList<>(USERS);
    userPool.add("zed");
    List<String> groupPool = new ArrayList<>(GROUPS);
    groupPool.add("nobody");
    List<Object> ids = pool.apply(Task::id);
    List<Object> instances = pool.apply(Task::processInstanceId);
    List<Object> names = pool.apply(Task::name);
    List<Object> descriptions = pool.apply(Task::description);
    List<Object> keys = pool.apply(Task::taskDefinitionKey);
    List<Object> businessKeys = new ArrayList<>(rows.stream().map(Row::businessKey).filter(Objects::nonNull).toList());
    businessKeys.add("bk-none");
    List<Instant> instants = new ArrayList<>();
    tasks.forEach(t -> java.util.stream.Stream.of(t.created(), t.due(), t.followUp()).filter(Objects::nonNull).forEach(instants::add));
    instants.add(clock.instant());

    Function<Random, Object> user = r -> pick(r, userPool);
    Function<Random, Object> group = r -> pick(r, groupPool);
    Function<Random, Object> instant = r -> pick(r, instants).plusMillis(r.nextInt(3) - 1);
    List<Filter> filters = new ArrayList<>();
    filters.add(new Filter("taskId", r -> pick(r, ids), (row, v, q) -> row.task().id().equals(v)));
    filters.add(new Filter("taskIdIn", r -> subset(r, ids), (row, v, q) -> list(v).contains(row.task().id())));
    filters.add(new Filter("processInstanceId", r -> pick(r, instances), (row, v, q) -> v.equals(row.task().processInstanceId())));
    filters.add(new Filter("processInstanceIdIn", r -> subset(r, instances), (row, v, q) -> list(v).contains(row.task().processInstanceId())));
    filters.add(new Filter("processInstanceBusinessKey", r -> pick(r, businessKeys), (row, v, q) -> v.equals(row.businessKey())));
    filters.add(new Filter("processInstanceBusinessKeyIn", r -> subset(r, businessKeys), (row, v, q) -> list(v).contains(row.businessKey())));
    filters.add(new Filter("processInstanceBusinessKeyLike", r -> likeOf(r, (String) pick(r, businessKeys)), (row, v, q) -> like(row.businessKey(), v)));
    filters.add(new Filter("processDefinitionKey", r -> pick(r, List.of("invoice", "leave", "other")), (row, v, q) -> v.equals(row.task().processDefinitionKey())));
    filters.add(new Filter("processDefinitionKeyIn", r -> subset(r, List.of("invoice", "leave", "other")), (row, v, q) -> list(v).contains(row.task().processDefinitionKey())));
    filters.add(new Filter("processDefinitionName", r -> pick(r, List.of("Invoice handling", "Leave request")), (row, v, q) -> v.equals(definitionName(row))));
    filters.add(new Filter("processDefinitionNameLike", r -> likeOf(r, pick(r, List.of("Invoice handling", "Leave request"))), (row, v, q) -> like(definitionName(row), v)));
    filters.add(new Filter("assignee", user, (row, v, q) -> v.equals(row.task().assignee())));
    filters.add(new Filter("assigneeLike", r -> likeOf(r, (String) user.apply(r)), (row, v, q) -> like(row.task().assignee(), v)));
    filters.add(new Filter("assigneeIn", r -> subset(r, userPool), (row, v, q) -> list(v).contains(row.task().assignee())));
    filters.add(new Filter("assigneeNotIn", r -> subset(r, userPool), (row, v, q) -> row.task().assignee() != null && !list(v).contains(row.task().assignee())));
    filters.add(new Filter("owner", user, (row, v, q) -> v.equals(row.task().owner())));
    filters.add(new Filter("candidateGroup", group, (row, v, q) -> candidate(row, q) && row.candidateGroups().contains(v)));
    filters.add(new Filter("candidateGroupLike", r -> likeOf(r, (String) group.apply(r)), (row, v, q) -> candidate(row, q) && row.candidateGroups().stream().anyMatch(g -> like(g, v))));
    filters.add(new Filter("candidateGroups", r -> subset(r, groupPool), (row, v, q) -> candidate(row, q) && row.candidateGroups().stream().anyMatch(list(v)::contains)));
    filters.add(
        new Filter(
            "candidateUser",
            user,
            (row, v, q) ->
                candidate(row, q)
                    && (row.candidateUsers().contains(v)
                        || row.candidateGroups().stream().anyMatch(members.getOrDefault(v, Set.of())::contains))));
    filters.add(
        new Filter(
            "involvedUser",
            user,
            (row, v, q) -> v.equals(row.task().assignee()) || v.equals(row.task().owner()) || row.linkedUsers().contains(v)));
    filters.add(new Filter("assigned", r -> true, (row, v, q) -> row.task().assignee() != null));
    filters.add(new Filter("unassigned", r -> true, (row, v, q) -> row.task().assignee() == null));
    filters.add(new Filter("taskDefinitionKey", r -> pick(r, keys), (row, v, q) -> v.equals(row.task().taskDefinitionKey())));
    filters.add(new Filter("taskDefinitionKeyIn", r -> subset(r, keys), (row, v, q) -> list(v).contains(row.task().taskDefinitionKey())));
    filters.add(new Filter("taskDefinitionKeyLike", r -> likeOf(r, (String) pick(r, keys)), (row, v, q) -> like(row.task().taskDefinitionKey(), v)));
    // Camunda compares names and descriptions ignoring case; a task without one never matches
    filters.add(new Filter("name", r -> cased(r, pick(r, names)), (row, v, q) -> upper(row.task().name()) != null && upper(row.task().name()).equals(upper(v))));
    filters.add(new Filter("nameNotEqual", r -> cased(r, pick(r, names)), (row, v, q) -> upper(row.task().name()) != null && !upper(row.task().name()).equals(upper(v))));
    filters.add(new Filter("nameLike", r -> cased(r, likeOf(r, (String) pick(r, names))), (row, v, q) -> like(upper(row.task().name()), upper(v))));
    filters.add(new Filter("nameNotLike", r -> cased(r, likeOf(r, (String) pick(r, names))), (row, v, q) -> row.task().name() != null && !like(upper(row.task().name()), upper(v))));
    filters.add(new Filter("description", r -> cased(r, pick(r, descriptions)), (row, v, q) -> upper(row.task().description()) != null && upper(row.task().description()).equals(upper(v))));
    filters.add(new Filter("descriptionLike", r -> cased(r, likeOf(r, (String) pick(r, descriptions))), (row, v, q) -> like(upper(row.task().description()), upper(v))));
    filters.add(new Filter("priority", r -> r.nextInt(5) * 25, (row, v, q) -> row.task().priority() == (int) v));
    filters.add(new Filter("maxPriority", r -> r.nextInt(101), (row, v, q) -> row.task().priority() <= (int) v));
    filters.add(new Filter("minPriority", r -> r.nextInt(101), (row, v, q) -> row.task().priority() >= (int) v));
    filters.add(new Filter("dueAfter", instant, (row, v, q) -> row.task().due() != null && row.task().due().isAfter((Instant) v)));
    filters.add(new Filter("dueBefore", instant, (row, v, q) -> row.task().due() != null && row.task().due().isBefore((Instant) v)));
    filters.add(new Filter("withoutDueDate", r -> true, (row, v, q) -> row.task().due() == null));
    filters.add(new Filter("followUpAfter", instant, (row, v, q) -> row.task().followUp() != null && row.task().followUp().isAfter((Instant) v)));
    filters.add(new Filter("followUpBefore", instant, (row, v, q) -> row.task().followUp() != null && row.task().followUp().isBefore((Instant) v)));
    filters.add(new Filter("followUpBeforeOrNotExistent", instant, (row, v, q) -> row.task().followUp() == null || row.task().followUp().isBefore((Instant) v)));
    filters.add(new Filter("createdOn", r -> pick(r, tasks).created(), (row, v, q) -> row.task().created().equals(v)));
    filters.add(new Filter("createdAfter", instant, (row, v, q) -> row.task().created().isAfter((Instant) v)));
    filters.add(new Filter("createdBefore", instant, (row, v, q) -> row.task().created().isBefore((Instant) v)));
    filters.add(new Filter("delegationState", r -> pick(r, List.of("PENDING", "RESOLVED", "pending")), (row, v, q) -> ((String) v).equalsIgnoreCase(String.valueOf(row.task().delegationState()))));
    // part of Camunda's candidate block: unassigned tasks only unless includeAssignedTasks
    filters.add(new Filter("withCandidateGroups", r -> true, (row, v, q) -> candidate(row, q) && !row.candidateGroups().isEmpty()));
    filters.add(new Filter("withoutCandidateGroups", r -> true, (row, v, q) -> candidate(row, q) && row.candidateGroups().isEmpty()));
    filters.add(new Filter("withCandidateUsers", r -> true, (row, v, q) -> candidate(row, q) && !row.candidateUsers().isEmpty()));
    filters.add(new Filter("withoutCandidateUsers", r -> true, (row, v, q) -> candidate(row, q) && row.candidateUsers().isEmpty()));
    filters.add(new Filter("active", r -> true, (row, v, q) -> !row.suspended()));
    filters.add(new Filter("suspended", r -> true, (row, v, q) -> row.suspended()));
    filters.add(new Filter("tenantIdIn", r -> subset(r, List.of("t1", "t2", "t3")), (row, v, q) -> list(v).contains(row.task().tenantId())));
    filters.add(new Filter("withoutTenantId", r -> true, (row, v, q) -> row.task().tenantId() == null));
    filters.add(new Filter("taskVariables", r -> List.of(condition(r, "score", "label")), (row, v, q) -> variablesMatch(row.locals(), v)));
    filters.add(new Filter("processVariables", r -> List.of(condition(r, "amount", "kind")), (row, v, q) -> variablesMatch(row.processVariables(), v)));
    return filters;
  }

  private static String upper(Object value) {
    return value == null ? null : ((String) value).toUpperCase(java.util.Locale.ROOT);
  }

  /** The value as it is, upper- or lower-cased. */
  private static Object cased(Random random, Object value) {
    String text = (String) value;
    return switch (random.nextInt(3)) {
      case 0 -> text.toUpperCase(java.util.Locale.ROOT);
      case 1 -> text.toLowerCase(java.util.Locale.ROOT);
      default -> text;
    };
  }

  private static String definitionName(Row row) {
    return row.task().processDefinitionKey() == null
        ? null
        : row.task().processDefinitionKey().equals("invoice") ? "Invoice handling" : "Leave request";
  }

  private static boolean candidate(Row row, Map<String, Object> query) {
    return Boolean.TRUE.equals(query.get("includeAssignedTasks")) || row.task().assignee() == null;
  }

  private static List<Object> subset(Random random, List<?> values) {
    List<Object> chosen = new ArrayList<>();
    for (Object v : values) {
      if (random.nextInt(3) == 0) {
        chosen.add(v);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(pick(random, values));
    }
    return chosen;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static String likeOf(Random random, String value) {
    int cut = value.isEmpty() ? 0 : random.nextInt(value.length());
    return switch (random.nextInt(3)) {
      case 0 -> value.substring(0, cut) + "%";
      case 1 -> "%" + value.substring(cut);
      default -> "%" + value.substring(cut / 2, cut) + "%";
    };
  }

  /** SQL {@code LIKE} with {@code %} and {@code _} (no escapes); null never matches. */
  private static boolean like(String value, Object pattern) {
    if (value == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (char ch : ((String) pattern).toCharArray()) {
      regex.append(
          switch (ch) {
            case '%' -> ".*";
            case '_' -> ".";
            default -> Pattern.quote(String.valueOf(ch));
          });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  private static VariableCondition condition(Random random, String numberName, String textName) {
    if (random.nextBoolean()) {
      VariableOperator op = pick(random, List.of(VariableOperator.EQ, VariableOperator.NEQ, VariableOperator.GT, VariableOperator.GTEQ, VariableOperator.LT, VariableOperator.LTEQ));
      return new VariableCondition(numberName, op, random.nextInt(numberName.equals("amount") ? 500 : 10));
    }
    VariableOperator op = pick(random, List.of(VariableOperator.EQ, VariableOperator.NEQ, VariableOperator.LIKE));
    String value = pick(random, List.of("car", "cart", "red", "green", "gre%", "ca%", "%t"));
    return new VariableCondition(textName, op, value);
  }

  /** A variable of the condition's name and kind (number or text) whose value meets it. */
  private static boolean variablesMatch(Map<String, Object> variables, Object conditions) {
    for (Object c : list(conditions)) {
      VariableCondition condition = (VariableCondition) c;
      Object actual = variables.get(condition.name());
      boolean match;
      if (condition.value() instanceof Integer expected) {
        match = actual instanceof Number n && compare(condition.operator(), Long.compare(n.longValue(), expected));
      } else {
        String expected = (String) condition.value();
        match =
            actual instanceof String s
                && (condition.operator() == VariableOperator.LIKE
                    ? like(s, expected)
                    : compare(condition.operator(), s.compareTo(expected)));
      }
      if (!match) {
        return false;
      }
    }
    return true;
  }

  private static boolean compare(VariableOperator op, int comparison) {
    return switch (op) {
      case EQ -> comparison == 0;
      case NEQ -> comparison != 0;
      case GT -> comparison > 0;
      case GTEQ -> comparison >= 0;
      case LT -> comparison < 0;
      case LTEQ -> comparison <= 0;
      case LIKE -> throw new IllegalStateException("LIKE compares strings only");
    };
  }
}
