package dev.tern.server;

import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.runtime.connector.HttpConnector;
import dev.tern.rest.RestSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one request may cost and which web pages may send writes.
 *
 * @param allowedOrigins {@code TERN_ALLOWED_ORIGINS}, comma-separated origins whose pages may send
 *     state-changing requests; empty by default (same-origin requests always pass)
 * @param maxDeploymentBytes {@code TERN_MAX_DEPLOYMENT_BYTES}, default 10 MB
 * @param maxFormParts {@code TERN_MAX_FORM_PARTS}, default 100
 * @param statementTimeoutSeconds {@code TERN_STATEMENT_TIMEOUT_SECONDS}, default 30
 * @param connectorMaxResponseBytes {@code TERN_CONNECTOR_MAX_RESPONSE_BYTES}, the largest response
 *     body the http-connector reads, default 10 MB
 * @param connectorLocalRedirects {@code TERN_CONNECTOR_LOCAL_REDIRECTS}, whether the http-connector
 *     follows redirects to loopback and link-local addresses, default false
 */
public record Limits(
    Set<String> allowedOrigins,
    long maxDeploymentBytes,
    int maxFormParts,
    int statementTimeoutSeconds,
    long connectorMaxResponseBytes,
    boolean connectorLocalRedirects) {

  public static final String ALLOWED_ORIGINS = "TERN_ALLOWED_ORIGINS";
  public static final String MAX_DEPLOYMENT_BYTES = "TERN_MAX_DEPLOYMENT_BYTES";
  public static final String MAX_FORM_PARTS = "TERN_MAX_FORM_PARTS";
  public static final String STATEMENT_TIMEOUT_SECONDS = "TERN_STATEMENT_TIMEOUT_SECONDS";
  public static final String CONNECTOR_MAX_RESPONSE_BYTES = "TERN_CONNECTOR_MAX_RESPONSE_BYTES";
  public static final String CONNECTOR_LOCAL_REDIRECTS = "TERN_CONNECTOR_LOCAL_REDIRECTS";

  public static final Limits DEFAULTS =
      new Limits(
          Set.of(),
          RestSettings.DEFAULT_MAX_DEPLOYMENT_BYTES,
          RestSettings.DEFAULT_MAX_FORM_PARTS,
          (int) DatabaseConfig.DEFAULT_STATEMENT_TIMEOUT.toSeconds(),
          HttpConnector.Settings.defaults().maxResponseBytes(),
          HttpConnector.Settings.defaults().redirectsToLocalAddresses());

  public Limits {
    allowedOrigins = Set.copyOf(allowedOrigins);
    positive(MAX_DEPLOYMENT_BYTES, maxDeploymentBytes);
    positive(MAX_FORM_PARTS, maxFormParts);
    positive(STATEMENT_TIMEOUT_SECONDS, statementTimeoutSeconds);
    positive(CONNECTOR_MAX_RESPONSE_BYTES, connectorMaxResponseBytes);
  }

  static Limits from(Map<String, String> values) {
    String origins = values.getOrDefault(ALLOWED_ORIGINS, "");
    return new Limits(
        Arrays.stream(origins.split(","))
            .map(String::trim)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toSet()),
        number(MAX_DEPLOYMENT_BYTES, values.get(MAX_DEPLOYMENT_BYTES), DEFAULTS.maxDeploymentBytes),
        Math.toIntExact(number(MAX_FORM_PARTS, values.get(MAX_FORM_PARTS), DEFAULTS.maxFormParts)),
        Math.toIntExact(
            number(
                STATEMENT_TIMEOUT_SECONDS,
                values.get(STATEMENT_TIMEOUT_SECONDS),
                DEFAULTS.statementTimeoutSeconds)),
        number(
            CONNECTOR_MAX_RESPONSE_BYTES,
            values.get(CONNECTOR_MAX_RESPONSE_BYTES),
            DEFAULTS.connectorMaxResponseBytes),
        ServerConfig.parseBoolean(
            CONNECTOR_LOCAL_REDIRECTS, values.get(CONNECTOR_LOCAL_REDIRECTS), false));
  }

  public HttpConnector.Settings httpConnectorSettings() {
    return new HttpConnector.Settings(connectorMaxResponseBytes, connectorLocalRedirects);
  }

  public RestSettings restSettings() {
    return new RestSettings(allowedOrigins, maxDeploymentBytes, maxFormParts);
  }

  public Duration statementTimeout() {
    return Duration.ofSeconds(statementTimeoutSeconds);
  }

  private static long number(String key, String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
    }
  }

  private static void positive(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be a positive number, was " + value);
    }
  }
}
