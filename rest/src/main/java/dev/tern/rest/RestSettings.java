package dev.tern.rest;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and policies of the HTTP edge.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}) whose browser pages may send
 *     state-changing requests; same-origin requests are always allowed
 * @param maxDeploymentBytes the largest deployment upload accepted; larger ones answer 413 before
 *     their body is read
 * @param maxFormParts the most parts one multipart request may have
 */
public record RestSettings(Set<String> allowedOrigins, long maxDeploymentBytes, int maxFormParts) {

  public static final long DEFAULT_MAX_DEPLOYMENT_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_FORM_PARTS = 100;

  public RestSettings {
    allowedOrigins =
        allowedOrigins.stream().map(RestSettings::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
    if (maxDeploymentBytes < 1) {
      throw new IllegalArgumentException("maxDeploymentBytes must be positive, was " + maxDeploymentBytes);
    }
    if (maxFormParts < 1) {
      throw new IllegalArgumentException("maxFormParts must be positive, was " + maxFormParts);
    }
  }

  /** No foreign origin, 10 MB deployments, 100 form parts. */
  public static RestSettings defaults() {
    return new RestSettings(Set.of(), DEFAULT_MAX_DEPLOYMENT_BYTES, DEFAULT_MAX_FORM_PARTS);
  }

  public RestSettings withAllowedOrigins(Set<String> origins) {
    return new RestSettings(origins, maxDeploymentBytes, maxFormParts);
  }

  public RestSettings withMaxDeploymentBytes(long bytes) {
    return new RestSettings(allowedOrigins, bytes, maxFormParts);
  }

  public RestSettings withMaxFormParts(int parts) {
    return new RestSettings(allowedOrigins, maxDeploymentBytes, parts);
  }

  /** Origins compare without case and without a trailing slash. */
  static String normalizeOrigin(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
