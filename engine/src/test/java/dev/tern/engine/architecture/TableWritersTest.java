package dev.tern.engine.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per table (docs/architecture.md, "Where SQL lives"), checked on the engine's
 * sources: every statement that writes a {@code tern_} table, and every table a store hands to a
 * shared statement, stands in the table's owning store.
 */
class TableWritersTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/tern/engine");

  /** Each table's one writer (path under {@code dev/tern/engine}); the map in the docs. */
  private static final Map<String, String> OWNERS =
      owners(
          """
          authorization/AuthorizationStore tern_authorization
          batch/BatchStore tern_batch tern_batch_chunk
          deployment/DeploymentStore tern_deployment tern_process_definition tern_resource
          event/EventSubscriptionStore tern_event_subscription
          externaltask/ExternalTaskStore tern_external_task
          history/HistoricBatchStore tern_hi_batch
          history/ExternalTaskLogStore tern_hi_ext_task_log
          history/HistoricIncidentStore tern_hi_incident
          history/JobLogStore tern_hi_job_log
          history/UserOperationLogStore tern_hi_op_log
          identity/GroupStore tern_group tern_group_member
          identity/TenantStore tern_tenant tern_tenant_member
          identity/UserStore tern_user
          incident/IncidentStore tern_incident
          job/JobStore tern_job
          job/JobDefinitionStore tern_job_definition
          runtime/ExecutionStore tern_execution tern_process_instance
          runtime/RuntimeHistoryStore tern_hi_process_instance tern_hi_activity_instance
          runtime/HistoricDetailStore tern_hi_detail
          runtime/VariableStore tern_variable tern_variable_bytes tern_hi_variable tern_hi_variable_bytes
          task/TaskStore tern_task tern_task_identity_link tern_task_variable
          task/CommentStore tern_task_comment
          task/AttachmentStore tern_task_attachment
          task/TaskHistoryStore tern_hi_task tern_hi_identity_link
          """);

  /**
   * Statements whose table is a parameter: each store that uses them names its own table (checked
   * below). {@code OwnedRows} also runs the one deliberate exception, the removal time of all
   * history tables at a root instance's end and their cleanup, over the tables each capability
   * declares in its {@code HistoryRetention}.
   */
  private static final Set<String> SHARED_STATEMENTS =
      Set.of(
          "persistence/OwnedRows.java",
          "persistence/RecordMapper.java",
          "identity/IdentityStore.java",
          "task/NoteStore.java");

  /** A statement writing a named table, in a text block or a string literal. */
  private static final Pattern WRITE =
      Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(tern_\\w+)");

  /** A write whose table is spliced in: {@code "DELETE FROM " + table}. */
  private static final Pattern SPLICED_WRITE =
      Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s*\"\\s*\\+");

  /** A table handed to a shared statement: {@code OwnedRows.x(handle, "tern_…"}, an insert. */
  private static final Pattern TABLE_ARGUMENT =
      Pattern.compile(
          "(?:OwnedRows\\.\\w+|\\.insert|\\.insertAll)\\(\\s*\\w+\\s*,\\s*\"(tern_\\w+)\""
              + "|super\\([^;]*?\"(tern_\\w+)\"");

  private static final Pattern TABLE_LITERAL = Pattern.compile("\"(tern_\\w+)\"");

  @Test
  void onlyTheOwningStoreWritesATable() {
    List<String> violations = new ArrayList<>();
    int writes = 0;
    for (Path file : sources()) {
      String name = SOURCES.relativize(file).toString().replace('\\', '/');
      String text = read(file);
      for (Matcher m = WRITE.matcher(text); m.find(); writes++) {
        check(violations, name, m.group(1), "writes");
      }
      for (Matcher m = TABLE_ARGUMENT.matcher(text); m.find(); ) {
        check(violations, name, m.group(1) != null ? m.group(1) : m.group(2), "hands out");
      }
    }
    assertThat(writes).as("write statements found under " + SOURCES.toAbsolutePath()).isGreaterThan(100);
    assertThat(Set.copyOf(OWNERS.values())).allMatch(owner -> Files.isRegularFile(SOURCES.resolve(owner)));
    assertThat(violations).isEmpty();
  }

  /**
   * A statement that splices its table in hides the table from the check above: it belongs in a
   * shared statement, or in a store whose table literals are all its own.
   */
  @Test
  void aSplicedWriteStandsInASharedStatementOrAmongItsStoresOwnTables() {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String name = SOURCES.relativize(file).toString().replace('\\', '/');
      String text = read(file);
      if (SHARED_STATEMENTS.contains(name) || !SPLICED_WRITE.matcher(text).find()) {
        continue;
      }
      Set<String> foreign = new TreeSet<>();
      for (Matcher m = TABLE_LITERAL.matcher(text); m.find(); ) {
        if (!name.equals(OWNERS.get(m.group(1)))) {
          foreign.add(m.group(1));
        }
      }
      if (!OWNERS.containsValue(name) || !foreign.isEmpty()) {
        violations.add(name + " splices a table into a write" + (foreign.isEmpty() ? "" : " and names " + foreign));
      }
    }
    assertThat(violations).isEmpty();
  }

  private static void check(List<String> violations, String file, String table, String verb) {
    String owner = OWNERS.get(table);
    if (owner == null) {
      violations.add(file + " " + verb + " " + table + ", which has no owner here: add it to OWNERS");
    } else if (!owner.equals(file)) {
      violations.add(file + " " + verb + " " + table + ", which only " + owner + " may write");
    }
  }

  /** Lines of a store's path (without {@code .java}) and the tables it writes. */
  private static Map<String, String> owners(String lines) {
    Map<String, String> owners = new HashMap<>();
    for (String line : lines.strip().split("\n")) {
      String[] words = line.strip().split(" ");
      for (int i = 1; i < words.length; i++) {
        owners.put(words[i], words[0] + ".java");
      }
    }
    return Map.copyOf(owners);
  }

  private static List<Path> sources() {
    assertThat(SOURCES).isDirectory();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
