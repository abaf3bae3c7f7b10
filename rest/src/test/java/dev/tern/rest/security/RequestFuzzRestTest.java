package dev.tern.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.engine.EngineSettings;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sends thousands of mutated bodies to every POST and PUT route the server declares and checks two
 * promises: no request is answered 5xx, and a request answered 4xx changed no row. Mutations are
 * drawn from a seeded {@link Random}: the seed is printed, and {@code -Dtern.fuzz.seed=…} replays a
 * run ({@code -Dtern.fuzz.requests=…} sets how many requests each database gets).
 */
@DatabaseTest
class RequestFuzzRestTest {

  private static final long SEED = Long.getLong("tern.fuzz.seed", 20261205L);
  private static final int REQUESTS = Integer.getInteger("tern.fuzz.requests", 1000);
  private static final String BOUNDARY = "----ternfuzz";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Values that have broken parsers, queries or expressions somewhere. */
  private static final List<Object> NASTY =
      List.of(
          "",
          " ",
          "%a%a%a%a%a%b",
          "%",
          "_",
          "x".repeat(70),
          "y".repeat(300),
          "z".repeat(5000),
          "' OR 1=1 --",
          "${\"\".getClass()}",
          "#{x}",
          "\u0000",
          "\uD800",
          "2026-13-45T99:99:99.999+9999",
          "NaN",
          "-1",
          "1e999",
          "null",
          "true",
          "[]",
          "{}",
          Long.MAX_VALUE,
          Long.MIN_VALUE,
          Integer.MIN_VALUE,
          -1,
          0,
          1.5e308,
          -0.0,
          true,
          false);

  private final TestDatabase db;
  private final RestTestServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String key = "fuzz" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tables;
  private String instanceId;

  RequestFuzzRestTest(TestDatabase db) {
    this.db = db;
    // no job executor: a batch a valid request created must not change rows during later checks
    this.server =
        RestTestServer.builder(db).settings(EngineSettings.defaults().withJobExecutorActive(false)).start();
    this.tables =
        db.database()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT table_name FROM information_schema.tables"
                                + " WHERE LOWER(table_schema) = 'public'"
                                + " AND LOWER(table_name) LIKE 'tern%'"
                                + " AND LOWER(table_name) <> 'tern_schema_history'")
                        .mapTo(String.class)
                        .list());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void mutatedBodiesNeverCause5xxAndRefusedOnesChangeNothing() throws Exception {
    System.out.println("RequestFuzzRestTest on " + db + ": seed " + SEED + " (-Dtern.fuzz.seed=" + SEED + "), " + REQUESTS + " requests");
    deployAndStart();
    Random random = new Random(SEED);
    List<String> routes =
        server.routes().stream()
            .filter(r -> r.startsWith("POST ") || r.startsWith("PUT "))
            .sorted()
            .toList();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
      String route = routes.get(random.nextInt(routes.size()));
      String method = route.substring(0, route.indexOf(' '));
      String path = fillPath(route.substring(route.indexOf(' ') + 1), random);
      boolean multipart = path.endsWith("/deployment/create");
      byte[] body = multipart ? mutateBytes(multipartBody(), random) : jsonBody(route, random);
      long before = rows();
      HttpResponse<String> response;
      try {
        response = sendRetryingAClosedConnection(method, path, body, multipart);
      } catch (java.io.IOException e) {
        failures.add(
            "no answer (" + e.getMessage() + "): #" + i + " " + method + " " + path
                + "\n    body: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        continue;
      }
      statuses.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
      String what =
          "#" + i + " " + method + " " + path + " → " + response.statusCode() + " " + abbreviate(response.body())
              + "\n    body: " + abbreviate(new String(body, StandardCharsets.UTF_8));
      if (response.statusCode() >= 500) {
        failures.add("5xx: " + what);
      } else if (response.statusCode() >= 400 && rows() != before) {
        failures.add("rows changed after a 4xx: " + what);
      }
    }
    System.out.println("RequestFuzzRestTest statuses: " + statuses);
    assertThat(failures).as("seed " + SEED).isEmpty();
  }

  private void deployAndStart() {
    String xml =
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
            + "<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"a\"/>"
            + "<serviceTask id=\"a\" camunda:asyncBefore=\"true\" camunda:expression=\"${1}\"/>"
            + "<sequenceFlow id=\"g\" sourceRef=\"a\" targetRef=\"w\"/><userTask id=\"w\"/>"
            + "</process></definitions>";
    server.engine().deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    ProcessInstance instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, "bk", Map.of("a", 1));
    instanceId = instance.id();
  }

  /** Fills path parameters: mostly the real key or instance id, sometimes something hostile. */
  private String fillPath(String path, Random random) {
    String filled = path;
    while (filled.contains("{")) {
      int open = filled.indexOf('{');
      int close = filled.indexOf('}', open);
      String name = filled.substring(open + 1, close);
      String value =
          switch (random.nextInt(4)) {
            case 0 -> "x".repeat(1 + random.nextInt(100));
            case 1 -> "%25a%25a%25b";
            default -> name.equals("key") ? key : instanceId;
          };
      filled = filled.substring(0, open) + value + filled.substring(close + 1);
    }
    return filled;
  }

  private byte[] jsonBody(String route, Random random) throws Exception {
    JsonNode seed = JSON.readTree(seedBody(route));
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      seed = mutate(seed, random);
    }
    byte[] bytes = JSON.writeValueAsBytes(seed);
    return random.nextInt(5) == 0 ? mutateBytes(bytes, random) : bytes;
  }

  private static String seedBody(String route) {
    if (route.contains("/start") || route.contains("/submit-form")) {
      return "{\"businessKey\":\"bk\",\"variables\":{\"a\":{\"value\":1,\"type\":\"Integer\"},"
          + "\"s\":{\"value\":\"x\",\"type\":\"String\"},\"d\":{\"value\":\"2026-01-02T03:04:05.000+0000\",\"type\":\"Date\"}}}";
    }
    if (route.contains("job-retries") || route.endsWith("/job/retries")) {
      return "{\"processInstanceIds\":[\"x\"],\"jobIds\":[\"y\"],\"retries\":1,\"dueDate\":null,"
          + "\"processInstanceQuery\":{\"processDefinitionKey\":\"k\",\"businessKeyLike\":\"b%\"},"
          + "\"historicProcessInstanceQuery\":{\"finished\":false},\"jobQuery\":{\"withException\":true}}";
    }
    if (route.contains("/retries")) {
      return "{\"retries\":3,\"dueDate\":\"2026-01-02T03:04:05.000+0000\"}";
    }
    if (route.contains("/suspended")) {
      return "{\"suspended\":true,\"processDefinitionKey\":\"k\"}";
    }
    if (route.contains("/variables") || route.contains("/modification")) {
      return "{\"modifications\":{\"a\":{\"value\":2,\"type\":\"Long\"}},\"deletions\":[\"s\"]}";
    }
    return "{\"businessKey\":\"bk\",\"processInstanceIds\":[\"x\"],\"processInstanceBusinessKeyLike\":\"b%\","
        + "\"variables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":1}],"
        + "\"orQueries\":[{\"businessKeyLike\":\"b%\"}],"
        + "\"sorting\":[{\"sortBy\":\"instanceId\",\"sortOrder\":\"asc\"}],"
        + "\"startedBefore\":\"2026-01-02T03:04:05.000+0000\",\"retries\":1,\"firstResult\":0,\"maxResults\":10}";
  }

  /** One structural change somewhere in the tree. */
  private static JsonNode mutate(JsonNode node, Random random) {
    if (node.isObject() && node.size() > 0 && random.nextInt(3) > 0) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, nasty(random));
        case 2 -> object.set("unknown" + random.nextInt(3), nasty(random));
        default -> object.set(name, mutate(object.get(name), random));
      }
      return object;
    }
    if (node.isArray() && node.size() > 0 && random.nextBoolean()) {
      ArrayNode array = (ArrayNode) node;
      int index = random.nextInt(array.size());
      switch (random.nextInt(4)) {
        case 0 -> array.remove(index);
        case 1 -> {
          int copies = random.nextBoolean() ? 1 : 30 + random.nextInt(40);
          for (int i = 0; i < copies; i++) {
            array.add(array.get(index).deepCopy());
          }
        }
        default -> array.set(index, mutate(array.get(index), random));
      }
      return array;
    }
    return switch (random.nextInt(4)) {
      case 0 -> nested(random.nextInt(60));
      case 1 -> NODES.arrayNode().add(node);
      default -> nasty(random);
    };
  }

  private static JsonNode nasty(Random random) {
    Object value = NASTY.get(random.nextInt(NASTY.size()));
    return JSON.valueToTree(value);
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.textNode("deep");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
    }
    return node;
  }

  private byte[] multipartBody() {
    String bpmn =
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\">"
            + "<process id=\"" + key + "m\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfuzz\r\n"
            + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"f.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Byte-level damage: flips, cuts, insertions, repetitions. */
  private static byte[] mutateBytes(byte[] bytes, Random random) {
    byte[] result = bytes;
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && result.length > 0; m++) {
      int at = random.nextInt(result.length);
      switch (random.nextInt(4)) {
        case 0 -> {
          result = result.clone();
          result[at] = (byte) random.nextInt(256);
        }
        case 1 -> result = java.util.Arrays.copyOf(result, at);
        case 2 -> {
          byte[] insert = new byte[1 + random.nextInt(8)];
          random.nextBytes(insert);
          result = concat(java.util.Arrays.copyOf(result, at), insert, java.util.Arrays.copyOfRange(result, at, result.length));
        }
        default -> {
          int end = Math.min(result.length, at + 1 + random.nextInt(40));
          byte[] slice = java.util.Arrays.copyOfRange(result, at, end);
          result = concat(java.util.Arrays.copyOf(result, end), slice, java.util.Arrays.copyOfRange(result, end, result.length));
        }
      }
    }
    return result;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /**
   * Jetty closes a connection after a response whose request body it did not read; the client may
   * have reused that connection already and sees it end without an answer. Such a request is sent
   * once more; only a second failure counts.
   */
  private HttpResponse<String> sendRetryingAClosedConnection(
      String method, String path, byte[] body, boolean multipart) throws Exception {
    try {
      return send(method, path, body, multipart);
    } catch (java.io.IOException e) {
      return send(method, path, body, multipart);
    }
  }

  private HttpResponse<String> send(String method, String path, byte[] body, boolean multipart)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header(
                "Content-Type",
                multipart ? "multipart/form-data; boundary=" + BOUNDARY : "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One number that changes whenever any Tern table gains or loses a row. */
  private long rows() {
    String sql =
        tables.stream()
            .map(t -> "(SELECT COUNT(*) FROM " + t + ")")
            .collect(Collectors.joining(" + ", "SELECT ", ""));
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("[\\r\\n]+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
