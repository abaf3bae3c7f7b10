package dev.tern.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The outage story's BPMN ({@code order-sync.bpmn}, the shared example) with three values filled in:
 * the process key (unique per run, so runs on one database never count each other's instances), the
 * stub's base URL and the retry cycle. Every engine under test gets exactly this XML.
 */
public record BenchProcess(String processKey, String stubBaseUrl, String retryCycle) {

  static final String RESOURCE_NAME = "order-sync.bpmn";
  private static final String TEMPLATE_KEY = "id=\"orderSync\"";
  private static final String TEMPLATE_URL = "http://127.0.0.1:9090";
  private static final String TEMPLATE_CYCLE = ">R2/PT10S<";

  public BenchProcess {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(stubBaseUrl, "stubBaseUrl");
    Objects.requireNonNull(retryCycle, "retryCycle");
    if (!processKey.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("process key must be an XML NCName: " + processKey);
    }
  }

  /** The BPMN XML to deploy. */
  public String xml() {
    String template = template();
    return replaceOnce(
        replaceOnce(
            replaceOnce(template, TEMPLATE_KEY, "id=\"" + processKey + "\""),
            TEMPLATE_URL,
            stubBaseUrl),
        TEMPLATE_CYCLE,
        ">" + retryCycle + "<");
  }

  /** The file name the deployment gets. */
  public String resourceName() {
    return processKey + ".bpmn";
  }

  private static String template() {
    try (InputStream in = BenchProcess.class.getResourceAsStream(RESOURCE_NAME)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE_NAME);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    if (at < 0 || text.indexOf(target, at + 1) >= 0) {
      // the template changed shape: better to fail than to benchmark a different process
      throw new IllegalStateException("expected exactly one '" + target + "' in " + RESOURCE_NAME);
    }
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }
}
