package dev.tern.rest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records every HTTP exchange a REST test makes ({@code METHOD path validation status testClass},
 * tab-separated) into the file named by the system property {@value #FILE_PROPERTY}, which the
 * rest module's build sets for its test run; without it nothing is recorded. The conformance check
 * ({@code dev.tern.rest.contract.ContractConformanceCheck}) reads the file after all REST tests.
 */
public final class ContractCoverage {

  public static final String FILE_PROPERTY = "tern.contract.coverage.file";

  /** How an exchange was checked against Camunda's contract. */
  public enum Validation {
    /** request and response */
    STRICT,
    /** only the response (the request breaks the contract on purpose) */
    RESPONSE,
    /** not at all (an endpoint or answer Camunda does not have) */
    NONE
  }

  private static boolean truncated;

  private ContractCoverage() {}

  static synchronized void record(String method, String uri, Validation validation, int status) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    String line =
        String.join(
                "\t",
                method,
                URI.create(uri).getRawPath(),
                validation.name(),
                Integer.toString(status),
                CurrentTestClass.name())
            + "\n";
    try {
      Path path = Path.of(file);
      Files.createDirectories(path.toAbsolutePath().getParent());
      // the first exchange of a test run starts the file afresh
      StandardOpenOption mode = truncated ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
      Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
      truncated = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
