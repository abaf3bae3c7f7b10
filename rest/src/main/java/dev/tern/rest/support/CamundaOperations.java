package dev.tern.rest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The operations of Camunda 7.24's REST API ({@code METHOD /path/{param}} relative to {@code
 * /engine-rest}), listed from its {@code openapi.json} in {@value #RESOURCE}; a test keeps the
 * list current. Lets Tern tell an operation it does not implement (501) from a path Camunda does
 * not have either (404).
 */
public final class CamundaOperations {

  /** Classpath resource, one operation a line. */
  public static final String RESOURCE = "dev/tern/rest/support/camunda-7.24-operations.txt";

  private record Operation(String method, String template, String[] segments) {}

  private static final List<Operation> OPERATIONS = load();

  private CamundaOperations() {}

  /**
   * The Camunda operation ({@code "GET /task/{id}"}) a request matches, empty if Camunda has none.
   * As in Camunda's JAX-RS resources, the path is matched first (literal segments before
   * parameters), then the method: {@code DELETE /job/count} is no operation, though {@code DELETE
   * /job/{id}} is.
   */
  public static Optional<String> match(String method, String path) {
    String[] segments = split(path);
    Operation best = null;
    for (Operation op : OPERATIONS) {
      if (matches(op.segments(), segments)
          && (best == null || morePrecise(op.segments(), best.segments()))) {
        best = op;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String template = best.template();
    return OPERATIONS.stream()
        .filter(op -> op.template().equals(template) && op.method().equalsIgnoreCase(method))
        .findFirst()
        .map(op -> op.method() + " " + op.template());
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

  // The first segment where one is literal and the other a parameter decides.
  private static boolean morePrecise(String[] a, String[] b) {
    for (int i = 0; i < a.length; i++) {
      if (isParameter(a[i]) != isParameter(b[i])) {
        return !isParameter(a[i]);
      }
    }
    return false;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{");
  }

  private static String[] split(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
  }

  private static List<Operation> load() {
    try (InputStream in = CamundaOperations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                String[] parts = line.trim().split(" ", 2);
                return new Operation(parts[0], parts[1], split(parts[1]));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
