package dev.tern.engine.testing;

import dev.tern.engine.persistence.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The statements of one Flyway migration, to run again in a test on rows written for it. */
public final class MigrationScript {

  private MigrationScript() {}

  /** The statements of {@code resource} (e.g. {@code /db/migration/V…sql}), comments removed. */
  public static List<String> statements(String resource) {
    String script;
    try (InputStream in = MigrationScript.class.getResourceAsStream(resource)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Runs the statements in one transaction. */
  public static void run(Database database, List<String> statements) {
    database.useTransaction(h -> statements.forEach(h::execute));
  }
}
