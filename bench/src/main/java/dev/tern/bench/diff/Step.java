package dev.tern.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario: a request (or a deployment, or a wait until a count is reached), what to
 * remember of its answer for later steps, and whether its answer is compared.
 *
 * @param name the case's name in the report
 * @param method HTTP method ({@code GET} unless given)
 * @param path path and query under {@code /engine-rest}, with {@code ${name}} placeholders
 * @param body JSON body (placeholders inside strings are replaced), or null
 * @param deploy a classpath resource under {@code diff/} to deploy instead of a request, or null
 * @param save variables to remember: name → JSON pointer into the answer
 * @param awaitCount for a wait step: the {@code count} the path must reach
 * @param compare whether this step's answer is a case of the report
 * @param compareBody whether the body is compared too (false: status only, e.g. stack traces)
 * @param named saved ids this case's answer shows by name ({@code <id pack>}) rather than as
 *     {@code <id>}: where a field must name one particular instance (a parent, a called instance)
 * @param unordered whether the answer is a list in no defined order (e.g. executions sorted by
 *     random ids): its masked entries are compared sorted
 */
record Step(
    String name,
    String method,
    String path,
    JsonNode body,
    String deploy,
    Map<String, String> save,
    Long awaitCount,
    boolean compare,
    boolean compareBody,
    List<String> named,
    boolean unordered) {

  static Step from(JsonNode node) {
    Map<String, String> save = new LinkedHashMap<>();
    node.path("save").fields().forEachRemaining(e -> save.put(e.getKey(), e.getValue().asText()));
    List<String> named = new ArrayList<>();
    node.path("named").forEach(n -> named.add(n.asText()));
    boolean isWait = node.has("awaitCount");
    return new Step(
        node.path("name").asText(),
        node.path("method").asText("GET"),
        node.path("path").asText(null),
        node.has("body") ? node.get("body") : null,
        node.path("deploy").asText(null),
        save,
        isWait ? node.get("awaitCount").asLong() : null,
        node.path("compare").asBoolean(!isWait),
        node.path("compareBody").asBoolean(true),
        List.copyOf(named),
        node.path("unordered").asBoolean(false));
  }

  boolean isWait() {
    return awaitCount != null;
  }

  /** The request as the report shows it: the method and the path with its placeholders. */
  String request() {
    return deploy != null ? "POST /deployment/create (" + deploy + ")" : method + " " + path;
  }
}
