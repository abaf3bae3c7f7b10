package dev.tern.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tern.bench.EngineRestClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tern-bench diff}: the differential test. Runs one scripted scenario (deployments, starts,
 * failures, queries of every family, retries, batches, errors) against an engine on a fresh
 * database and saves its masked answers; {@code --compare reference.json tern.json} renders their
 * agreement case by case. {@code SCENARIO=diff bench/run-story.sh both h2 1} does all three.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Records an engine's answers to a scripted scenario, or compares two recordings.")
public final class DiffBench implements Callable<Integer> {

  @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080/engine-rest", description = "REST base URL (default: ${DEFAULT-VALUE})")
  String baseUrl;

  @Option(names = "--scenario", defaultValue = "scenario.json", description = "scenario resource under diff/ (default: ${DEFAULT-VALUE})")
  String scenario;

  @Option(names = "--label", defaultValue = "engine", description = "name of this run in the report")
  String label;

  @Option(names = "--json", description = "write the recorded answers to this file")
  File json;

  @Option(names = "--compare", arity = "2", description = "instead of running: compare a reference recording with Tern's")
  List<File> compare;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() throws Exception {
    if (compare != null) {
      JsonNode reference = JSON.readTree(compare.get(0));
      JsonNode tern = JSON.readTree(compare.get(1));
      System.out.print(
          DiffReport.render(
              reference.path("label").asText(),
              ScenarioRun.fromJson(reference),
              tern.path("label").asText(),
              ScenarioRun.fromJson(tern)));
      return 0;
    }
    List<ScenarioRun.Case> cases =
        new ScenarioRun(new EngineRestClient(baseUrl)).run(ScenarioRun.load(scenario));
    String recorded = JSON.writeValueAsString(ScenarioRun.toJson(label, cases));
    if (json != null) {
      Files.writeString(json.toPath(), recorded, StandardCharsets.UTF_8);
    } else {
      System.out.println(recorded);
    }
    System.err.printf("%s: %d cases recorded%n", label, cases.size());
    return 0;
  }
}
