package dev.tern.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.rest.RestResources;
import dev.tern.rest.RestServer;
import dev.tern.rest.support.CamundaOperations;
import dev.tern.rest.testing.CamundaContract;
import dev.tern.rest.testing.ContractCoverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs after all REST tests of the rest module (its own surefire execution in the {@code verify}
 * phase, see rest/pom.xml) and checks Tern against Camunda 7.24's openapi.json:
 *
 * <ul>
 *   <li>every route Tern registers has a test whose request and response were validated against
 *       the contract (routes Camunda does not have: a test at all), read from the exchanges {@link
 *       ContractCoverage} recorded;
 *   <li>{@code docs/compatibility.md} and the operation list behind Tern's 501 answers are what
 *       this run generates.
 * </ul>
 *
 * With {@code -Dtern.contract.update=true} it rewrites both files instead of comparing.
 */
class ContractConformanceCheck {

  static final String UPDATE_COMMAND = "mvn -B -pl rest -am verify -Dtern.contract.update=true";

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "post", "put", "delete", "patch", "options", "head");

  private static List<Operation> camunda;
  private static List<Operation> tern;
  private static List<Exchange> exchanges;

  /** An operation keyed by method and path with parameter names erased. */
  record Operation(String method, String path) {
    String key() {
      return method + " " + path.replaceAll("\\{[^}/]*}|<[^>/]*>", "{}");
    }

    String[] segments() {
      return path.replaceAll("^/+", "").split("/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  record Exchange(String method, String path, ContractCoverage.Validation validation, int status, String testClass) {
    String testName() {
      return testClass.substring(testClass.lastIndexOf('.') + 1);
    }
  }

  @BeforeAll
  static void load() throws Exception {
    camunda = camundaOperations();
    tern = ternRoutes();
    exchanges = recordedExchanges();
  }

  @Test
  void everyImplementedRouteHasAValidatedTest() {
    Set<String> contractKeys = new TreeSet<>();
    camunda.forEach(op -> contractKeys.add(prefixed(op).key()));
    Map<String, Set<Exchange>> byRoute = exchangesByRoute();
    List<String> missing = new ArrayList<>();
    for (Operation route : tern) {
      Set<Exchange> seen = byRoute.getOrDefault(route.key(), Set.of());
      boolean inContract = contractKeys.contains(route.key());
      boolean covered =
          inContract
              ? seen.stream().anyMatch(e -> e.validation() == ContractCoverage.Validation.STRICT)
              : !seen.isEmpty();
      if (!covered) {
        missing.add(route + (inContract ? "  (no test validated against openapi.json)" : "  (no test)"));
      }
    }
    if (!missing.isEmpty()) {
      fail(
          "Routes Tern implements without a test that exercises them through RestTestServer.given()"
              + " (request and response validated against Camunda's openapi.json; givenWithoutContract()"
              + " for Tern-only routes):\n  "
              + String.join("\n  ", missing));
    }
  }

  @Test
  void compatibilityReportIsCurrent() throws IOException {
    String report = CompatibilityReport.render(camunda, tern, exchangesByRoute(), sections());
    checkOrUpdate(Path.of(property("tern.contract.report")), report, "docs/compatibility.md");
  }

  @Test
  void operationListOfThe501AnswersIsCurrent() throws IOException {
    StringBuilder list = new StringBuilder();
    camunda.forEach(op -> list.append(op).append('\n'));
    checkOrUpdate(
        Path.of(property("tern.contract.operations")),
        list.toString(),
        "rest/src/main/resources/" + CamundaOperations.RESOURCE);
  }

  /** Recorded exchanges per route key (Camunda's templates and Tern's own routes). */
  private static Map<String, Set<Exchange>> exchangesByRoute() {
    List<Operation> templates = new ArrayList<>();
    camunda.forEach(op -> templates.add(prefixed(op)));
    templates.addAll(tern);
    Map<String, Set<Exchange>> result = new TreeMap<>();
    for (Exchange exchange : exchanges) {
      Operation best = null;
      String[] segments = exchange.path().replaceAll("^/+|/+$", "").split("/+");
      for (Operation template : templates) {
        if (template.method().equals(exchange.method())
            && matches(template.segments(), segments)
            && (best == null || morePrecise(template.segments(), best.segments()))) {
          best = template;
        }
      }
      if (best != null) {
        result
            .computeIfAbsent(best.key(), k -> new TreeSet<>((a, b) -> compare(a, b)))
            .add(exchange);
      }
    }
    return result;
  }

  private static int compare(Exchange a, Exchange b) {
    return (a.testClass() + a.validation()).compareTo(b.testClass() + b.validation());
  }

  private static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      if (!isParameter(template[i]) && !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean morePrecise(String[] a, String[] b) {
    for (int i = 0; i < a.length; i++) {
      if (isParameter(a[i]) != isParameter(b[i])) {
        return !isParameter(a[i]);
      }
    }
    return false;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") || segment.startsWith("<");
  }

  static Operation prefixed(Operation op) {
    return new Operation(op.method(), RestServer.BASE_PATH + op.path());
  }

  private static void checkOrUpdate(Path file, String generated, String name) throws IOException {
    if (Boolean.getBoolean("tern.contract.update")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
      return;
    }
    Path target = Path.of("target", file.getFileName().toString());
    Files.writeString(target, generated, StandardCharsets.UTF_8);
    String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (!current.equals(generated)) {
      fail(
          name
              + " is not what the build generates (new routes or tests?). Run `"
              + UPDATE_COMMAND
              + "` to update it (the generated version is in rest/"
              + target
              + "), review the diff and commit it.");
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set in rest/pom.xml)", name).isNotBlank();
    return value;
  }

  /** Every operation of openapi.json, sorted by path, then method. */
  private static List<Operation> camundaOperations() throws IOException {
    JsonNode paths;
    try (InputStream in =
        CamundaContract.class.getClassLoader().getResourceAsStream(CamundaContract.SPEC_RESOURCE)) {
      paths = new ObjectMapper().readTree(in).get("paths");
    }
    List<Operation> result = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (HTTP_METHODS.contains(method)) {
                  result.add(new Operation(method.toUpperCase(), path.getKey()));
                }
              });
    }
    result.sort(
        (a, b) ->
            a.path().equals(b.path()) ? a.method().compareTo(b.method()) : a.path().compareTo(b.path()));
    return List.copyOf(result);
  }

  private static List<Operation> ternRoutes() {
    try (ProcessEngine engine =
        ProcessEngine.builder()
            .databaseConfig(DatabaseConfig.of("jdbc:h2:mem:tern-route-list;DB_CLOSE_DELAY=-1", "sa", ""))
            .startJobExecutor(false)
            .build()) {
      return new RestServer(RestResources.all(engine))
          .routes().stream()
              .map(route -> route.split(" ", 2))
              .map(parts -> new Operation(parts[0], parts[1]))
              .toList();
    }
  }

  private static List<Exchange> recordedExchanges() throws IOException {
    Path file = Path.of(property(ContractCoverage.FILE_PROPERTY));
    if (!Files.exists(file)) {
      fail(file + " is missing: this check reads what the rest module's REST tests record; run it"
          + " with them (mvn -B -pl rest -am verify)");
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.split("\t"))
        .map(f -> new Exchange(f[0], f[1], ContractCoverage.Validation.valueOf(f[2]), Integer.parseInt(f[3]), f[4]))
        .toList();
  }

  /** The hand-written sections, each kept beside this class as a Markdown resource. */
  private static List<CompatibilityReport.Section> sections() {
    return List.of(
        section("Deliberate differences", "deliberate-differences.md"),
        section("Dates and numbers", "dates-and-numbers.md"),
        section("Clients nobody on this project wrote", "real-clients.md"),
        section("Differential run against Camunda 7.24", "differential.md"));
  }

  private static CompatibilityReport.Section section(String title, String resource) {
    try (InputStream in = ContractConformanceCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing beside ContractConformanceCheck");
      }
      return new CompatibilityReport.Section(title, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
