package dev.tern.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tern.bench.BenchFailure;
import dev.tern.bench.EngineRestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario against one engine and records, per compared step, the status and the masked
 * answer. Values a step saves (ids) feed the placeholders of later steps, so each engine works on
 * its own ids while the report compares the same requests.
 */
final class ScenarioRun {

  /** One compared answer. */
  record Case(String name, String request, int status, JsonNode body, boolean compareBody) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(180);

  private final EngineRestClient rest;
  private final Map<String, String> variables = new LinkedHashMap<>();

  ScenarioRun(EngineRestClient rest) {
    this.rest = rest;
  }

  static List<Step> load(String resource) {
    try (InputStream in = ScenarioRun.class.getResourceAsStream("/diff/" + resource)) {
      if (in == null) {
        throw new BenchFailure("no scenario diff/" + resource + " on the classpath");
      }
      List<Step> steps = new ArrayList<>();
      JSON.readTree(in).forEach(node -> steps.add(Step.from(node)));
      return steps;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Case> run(List<Step> steps) {
    List<Case> cases = new ArrayList<>();
    int number = 0;
    for (Step step : steps) {
      number++;
      System.err.printf("[%d/%d] %s%n", number, steps.size(), step.name());
      if (step.isWait()) {
        await(step);
        continue;
      }
      EngineRestClient.Answer answer = send(step);
      step.save().forEach((name, pointer) -> remember(name, answer.body().at(pointer)));
      if (step.compare()) {
        Map<String, String> named = new HashMap<>();
        step.named().forEach(name -> named.put(saved(name), name));
        JsonNode masked = new Masking(variables.values(), named).mask(answer.body());
        if (step.unordered()) {
          masked = sorted(masked);
        }
        cases.add(new Case(step.name(), step.request(), answer.status(), masked, step.compareBody()));
      }
    }
    return cases;
  }

  /** A list's entries in the order of their JSON text (each engine orders by its own ids). */
  static JsonNode sorted(JsonNode masked) {
    if (!masked.isArray()) {
      return masked;
    }
    List<JsonNode> entries = new ArrayList<>();
    masked.forEach(entries::add);
    entries.sort(Comparator.comparing(JsonNode::toString));
    return JsonNodeFactory.instance.arrayNode().addAll(entries);
  }

  private EngineRestClient.Answer send(Step step) {
    if (step.deploy() != null) {
      return rest.deployAnswer(step.name(), step.deploy(), resource(step.deploy()));
    }
    String body = step.body() == null ? null : substitute(step.body().toString());
    return rest.exchange(step.method(), substitute(step.path()), body);
  }

  private String saved(String name) {
    String value = variables.get(name);
    if (value == null) {
      throw new BenchFailure("nothing saved as ${" + name + "} to name");
    }
    return value;
  }

  private void remember(String name, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      throw new BenchFailure("step saved nothing for ${" + name + "}");
    }
    variables.put(name, value.asText());
  }

  private void await(Step step) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String path = substitute(step.path());
    long count = -1;
    while (System.nanoTime() < deadline) {
      EngineRestClient.Answer answer = rest.exchange("GET", path, null);
      count = answer.body().path("count").asLong(-1);
      if (count == step.awaitCount()) {
        return;
      }
      sleep();
    }
    throw new BenchFailure(
        step.name() + ": " + path + " stayed at " + count + ", expected " + step.awaitCount());
  }

  private String substitute(String text) {
    String result = text;
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      result = result.replace("${" + variable.getKey() + "}", variable.getValue());
    }
    return result;
  }

  private static String resource(String name) {
    try (InputStream in = ScenarioRun.class.getResourceAsStream("/diff/" + name)) {
      if (in == null) {
        throw new BenchFailure("no resource diff/" + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }

  /** The cases as JSON, for {@code --json}. */
  static JsonNode toJson(String label, List<Case> cases) {
    var root = JsonNodeFactory.instance.objectNode();
    root.put("label", label);
    var array = root.putArray("cases");
    for (Case c : cases) {
      var node = array.addObject();
      node.put("name", c.name());
      node.put("request", c.request());
      node.put("status", c.status());
      node.put("compareBody", c.compareBody());
      node.set("body", c.body() == null ? TextNode.valueOf("") : c.body());
    }
    return root;
  }

  static List<Case> fromJson(JsonNode root) {
    List<Case> cases = new ArrayList<>();
    root.path("cases")
        .forEach(
            node ->
                cases.add(
                    new Case(
                        node.path("name").asText(),
                        node.path("request").asText(),
                        node.path("status").asInt(),
                        node.get("body"),
                        node.path("compareBody").asBoolean(true))));
    return cases;
  }
}
