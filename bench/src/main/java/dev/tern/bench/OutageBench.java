package dev.tern.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar tern-bench.jar --base-url … -n 1000}: the outage story, see docs/benchmarks.md. */
@Command(
    name = "tern-bench",
    mixinStandardHelpOptions = true,
    description = "Drives the outage story over HTTP against a Camunda-compatible REST API.",
    subcommands = {
      OutageBench.Compare.class,
      ExecutorBench.class,
      ProfileSummary.class,
      BatchScaleBench.class,
      ExternalTaskBench.class,
      dev.tern.bench.cluster.ClusterBench.class,
      dev.tern.bench.diff.DiffBench.class
    })
public final class OutageBench implements Callable<Integer> {

  @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080/engine-rest", description = "REST base URL (default: ${DEFAULT-VALUE})")
  String baseUrl;

  @Option(names = {"-n", "--instances"}, defaultValue = "200", description = "process instances (default: ${DEFAULT-VALUE})")
  int instances;

  @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients starting instances (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--retry-cycle", defaultValue = "R2/PT1S", description = "failedJobRetryTimeCycle put into the BPMN (default: ${DEFAULT-VALUE})")
  String retryCycle;

  @Option(names = "--retries", defaultValue = "1", description = "retries set by the batch (default: ${DEFAULT-VALUE})")
  int retries;

  @Option(names = "--phase-timeout", defaultValue = "PT20M", description = "longest wait per phase, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration phaseTimeout;

  @Option(names = "--poll-interval", defaultValue = "PT0.2S", description = "poll interval while waiting (default: ${DEFAULT-VALUE})")
  Duration pollInterval;

  @Option(names = "--server-pid", description = "pid of the server JVM, for peak heap (JMX via Attach API) and RSS")
  Long serverPid;

  @Option(names = "--jdbc-url", description = "the server's database, for the SQL floor (rolled back)")
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "", description = "user for --jdbc-url")
  String jdbcUser;

  @Option(names = "--jdbc-password", defaultValue = "", description = "password for --jdbc-url")
  String jdbcPassword;

  @Option(names = "--schema", defaultValue = "CAMUNDA", description = "tables for the SQL floor: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  SqlFloor.Schema schema;

  @Option(names = "--floor-repeats", defaultValue = "3", description = "SQL floor measurements, median reported (default: ${DEFAULT-VALUE})")
  int floorRepeats;

  @Option(names = "--creation-only", description = "stop right after the batch call (large N: creation latency and heap)")
  boolean creationOnly;

  @Option(names = "--label", defaultValue = "engine", description = "column name in the report")
  String label;

  @Option(names = "--json", description = "also write the figures to this JSON file")
  File json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OutageBench()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    StoryConfig config =
        new StoryConfig(
            instances,
            clients,
            retryCycle,
            retries,
            phaseTimeout,
            pollInterval,
            Optional.ofNullable(serverPid),
            Optional.ofNullable(jdbcUrl).map(url -> new SqlFloor.Target(url, jdbcUser, jdbcPassword, schema)),
            floorRepeats,
            creationOnly);
    ProgressBar progress = new ProgressBar(System.err, System.console() != null);
    StoryResult result =
        new OutageStory(new EngineRestClient(baseUrl), config, progress, System.out).run(label);
    System.out.println();
    ReportTable.print(List.of(result), System.out);
    if (json != null) {
      mapper().writeValue(json, result.asMap());
    }
    return 0;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** {@code tern-bench compare camunda.json tern.json}: side by side, with the ratio. */
  @Command(name = "compare", mixinStandardHelpOptions = true, description = "Prints saved results side by side.")
  static final class Compare implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "JSON files written with --json")
    List<File> files;

    @Option(names = "--median", description = "one column per label: the median of its runs")
    boolean median;

    @Override
    public Integer call() throws IOException {
      ObjectMapper mapper = mapper();
      List<StoryResult> results = new ArrayList<>();
      for (File file : files) {
        Map<?, ?> map = mapper.readValue(file, Map.class);
        results.add(mapper.convertValue(map, StoryResult.class));
      }
      if (median) {
        ReportTable.printMedians(results, System.out);
      } else {
        ReportTable.print(results, System.out);
      }
      return 0;
    }
  }
}
