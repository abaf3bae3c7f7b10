package dev.tern.server;

import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The server's settings. Each key is read from the environment, else from an optional {@code
 * tern.properties} (same keys), else its default.
 *
 * @param port {@code TERN_PORT}, default 8080
 * @param dbUrl {@code TERN_DB_URL}, default an H2 file database under {@code ./data}
 * @param dbUser {@code TERN_DB_USER}, default {@code sa} for H2, none otherwise
 * @param dbPassword {@code TERN_DB_PASSWORD}, default empty for H2, none otherwise
 * @param jobExecutorActive {@code TERN_JOB_EXECUTOR_ACTIVE}, default true
 * @param jobWorkers {@code TERN_JOB_WORKERS}, how many jobs this node runs at once
 * @param dbPoolSize {@code TERN_DB_POOL_SIZE}, the most database connections this node opens
 * @param access who may reach the API: {@code TERN_HOST}, {@code TERN_AUTH}, the administrator
 * @param limits what one request may cost, and which web pages may send writes ({@link Limits})
 * @param tuning the job executor's other knobs and the engine's limits
 */
public record ServerConfig(
    int port,
    String dbUrl,
    String dbUser,
    String dbPassword,
    boolean jobExecutorActive,
    int jobWorkers,
    int dbPoolSize,
    Access access,
    Limits limits,
    Tuning tuning) {

  public static final String PORT = "TERN_PORT";
  public static final String DB_URL = "TERN_DB_URL";
  public static final String DB_USER = "TERN_DB_USER";
  public static final String DB_PASSWORD = "TERN_DB_PASSWORD";
  public static final String JOB_EXECUTOR_ACTIVE = "TERN_JOB_EXECUTOR_ACTIVE";
  public static final String JOB_WORKERS = "TERN_JOB_WORKERS";
  public static final String DB_POOL_SIZE = "TERN_DB_POOL_SIZE";
  public static final String HOST = "TERN_HOST";
  public static final String AUTH = "TERN_AUTH";
  public static final String ADMIN_USER = "TERN_ADMIN_USER";
  public static final String ADMIN_PASSWORD = "TERN_ADMIN_PASSWORD";
  public static final String CONSOLE_SECRET = "TERN_CONSOLE_SECRET";

  public static final String PROPERTIES_FILE = "tern.properties";

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PORT + " must be between 0 and 65535, was " + port);
    }
    if (jobWorkers < 1) {
      throw new IllegalArgumentException(JOB_WORKERS + " must be at least 1, was " + jobWorkers);
    }
    if (dbPoolSize < 2) {
      throw new IllegalArgumentException(DB_POOL_SIZE + " must be at least 2, was " + dbPoolSize);
    }
    java.util.Objects.requireNonNull(access, "access");
    java.util.Objects.requireNonNull(limits, "limits");
    java.util.Objects.requireNonNull(tuning, "tuning");
  }

  /** Settings with the default {@link Limits} and {@link Tuning}. */
  public ServerConfig(
      int port,
      String dbUrl,
      String dbUser,
      String dbPassword,
      boolean jobExecutorActive,
      int jobWorkers,
      int dbPoolSize,
      Access access) {
    this(
        port, dbUrl, dbUser, dbPassword, jobExecutorActive, jobWorkers, dbPoolSize, access,
        Limits.DEFAULTS, Tuning.defaults());
  }

  /** Settings on the loopback interface without authentication (tests, embedding). */
  public ServerConfig(
      int port,
      String dbUrl,
      String dbUser,
      String dbPassword,
      boolean jobExecutorActive,
      int jobWorkers,
      int dbPoolSize) {
    this(
        port,
        dbUrl,
        dbUser,
        dbPassword,
        jobExecutorActive,
        jobWorkers,
        dbPoolSize,
        Access.LOCAL);
  }

  /** Reads the process environment and {@code ./tern.properties}. */
  public static ServerConfig load() {
    return load(System.getenv(), Path.of(PROPERTIES_FILE));
  }

  /** Environment wins over the properties file; the file may be absent. */
  public static ServerConfig load(Map<String, String> environment, Path propertiesFile) {
    Map<String, String> merged = new HashMap<>(readProperties(propertiesFile));
    environment.forEach(
        (key, value) -> {
          if (key.startsWith("TERN_") && value != null && !value.isBlank()) {
            merged.put(key, value);
          }
        });
    return from(merged);
  }

  static ServerConfig from(Map<String, String> values) {
    String url = values.getOrDefault(DB_URL, DatabaseConfig.DEFAULT_H2_URL).trim();
    boolean h2 = url.startsWith("jdbc:h2:");
    return new ServerConfig(
        parseNumber(PORT, values.get(PORT), 8080),
        url,
        values.getOrDefault(DB_USER, h2 ? "sa" : null),
        values.getOrDefault(DB_PASSWORD, h2 ? "" : null),
        parseBoolean(JOB_EXECUTOR_ACTIVE, values.get(JOB_EXECUTOR_ACTIVE), true),
        parseNumber(
            JOB_WORKERS, values.get(JOB_WORKERS), JobExecutorSettings.defaults().workerThreads()),
        parseNumber(DB_POOL_SIZE, values.get(DB_POOL_SIZE), DatabaseConfig.DEFAULT_POOL_SIZE),
        Access.from(values),
        Limits.from(values),
        Tuning.from(values));
  }

  public DatabaseConfig databaseConfig() {
    return new DatabaseConfig(dbUrl, dbUser, dbPassword, dbPoolSize, limits.statementTimeout());
  }

  /** The database URL for logs: without its query parameters, which may carry a password. */
  public String dbUrlForLog() {
    int query = dbUrl.indexOf('?');
    String withoutQuery = query < 0 ? dbUrl : dbUrl.substring(0, query);
    return withoutQuery.replaceAll("(?i)(;password=)[^;]*", "$1***");
  }

  @Override
  public String toString() {
    return "ServerConfig[port="
        + port
        + ", dbUrl="
        + dbUrlForLog()
        + ", dbUser="
        + dbUser
        + ", jobExecutorActive="
        + jobExecutorActive
        + ", jobWorkers="
        + jobWorkers
        + ", dbPoolSize="
        + dbPoolSize
        + ", "
        + access
        + ", "
        + limits
        + ", "
        + tuning
        + "]";
  }

  private static Map<String, String> readProperties(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().stream()
        .filter(key -> !properties.getProperty(key).isBlank())
        .forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
    return values;
  }

  private static int parseNumber(String key, String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
    }
  }

  static boolean parseBoolean(String key, String value, boolean fallback) {
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    };
  }
}
