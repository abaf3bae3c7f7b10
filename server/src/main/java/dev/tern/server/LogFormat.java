package dev.tern.server;

/**
 * {@code TERN_LOG_FORMAT}: {@code text} (default) or {@code json} (one JSON object per line,
 * logback's {@code JsonEncoder}). Logback reads it from the environment (or a system property) when
 * it starts, before the server's configuration is loaded, so it is not read from {@code
 * tern.properties}; this only refuses other values, which would otherwise silence every log line.
 */
final class LogFormat {

  static final String KEY = "TERN_LOG_FORMAT";

  private LogFormat() {}

  static void check(String value) {
    if (value != null && !value.isBlank() && !value.equals("text") && !value.equals("json")) {
      throw new IllegalArgumentException(KEY + " must be text or json, was '" + value + "'");
    }
  }
}
