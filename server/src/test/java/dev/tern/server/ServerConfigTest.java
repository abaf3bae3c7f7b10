package dev.tern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.history.RemovalTimeStrategy;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.runtime.connector.HttpConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsWithoutEnvironmentOrFile() {
    ServerConfig config = ServerConfig.load(Map.of(), dir.resolve("missing.properties"));

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dbUrl()).isEqualTo(DatabaseConfig.DEFAULT_H2_URL);
    assertThat(config.dbUser()).isEqualTo("sa");
    assertThat(config.dbPassword()).isEmpty();
    assertThat(config.jobExecutorActive()).isTrue();
    assertThat(config.access()).isEqualTo(Access.LOCAL);
  }

  @Test
  void limitsHaveSafeDefaultsAndAreReadFromTheEnvironment() {
    ServerConfig defaults = ServerConfig.load(Map.of(), null);
    ServerConfig set =
        ServerConfig.load(
            Map.of(
                "TERN_ALLOWED_ORIGINS", "https://a.example, https://b.example:8443",
                "TERN_MAX_DEPLOYMENT_BYTES", "1000",
                "TERN_MAX_FORM_PARTS", "7",
                "TERN_STATEMENT_TIMEOUT_SECONDS", "5",
                "TERN_CONNECTOR_MAX_RESPONSE_BYTES", "2048",
                "TERN_CONNECTOR_LOCAL_REDIRECTS", "true"),
            null);

    assertThat(defaults.limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(defaults.limits().allowedOrigins()).isEmpty();
    assertThat(defaults.limits().maxDeploymentBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(defaults.databaseConfig().statementTimeout()).hasSeconds(30);
    assertThat(set.limits().restSettings().allowedOrigins())
        .containsExactlyInAnyOrder("https://a.example", "https://b.example:8443");
    assertThat(set.limits().restSettings().maxDeploymentBytes()).isEqualTo(1000);
    assertThat(set.limits().restSettings().maxFormParts()).isEqualTo(7);
    assertThat(set.databaseConfig().statementTimeout()).hasSeconds(5);
    assertThat(defaults.limits().httpConnectorSettings())
        .isEqualTo(new HttpConnector.Settings(10L * 1024 * 1024, false));
    assertThat(set.limits().httpConnectorSettings()).isEqualTo(new HttpConnector.Settings(2048, true));
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_MAX_FORM_PARTS", "0"), null))
        .hasMessageContaining("TERN_MAX_FORM_PARTS must be a positive number");
  }

  @Test
  void listeningBeyondLoopbackWithoutAuthenticationIsRefused() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_HOST", "0.0.0.0"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Refusing to listen on 0.0.0.0 without authentication")
        .hasMessageContaining("TERN_AUTH=basic")
        .hasMessageContaining("TERN_AUTH=none");
  }

  @Test
  void listeningBeyondLoopbackNeedsAnExplicitChoice() {
    ServerConfig open = ServerConfig.load(Map.of("TERN_HOST", "0.0.0.0", "TERN_AUTH", "none"), null);
    ServerConfig basic =
        ServerConfig.load(
            Map.of(
                "TERN_HOST", "0.0.0.0",
                "TERN_AUTH", "BASIC",
                "TERN_ADMIN_USER", "admin",
                "TERN_ADMIN_PASSWORD", "s3cret-pass"),
            null);

    assertThat(open.access()).isEqualTo(new Access("0.0.0.0", Access.AuthMode.NONE, null, null));
    assertThat(basic.access())
        .isEqualTo(new Access("0.0.0.0", Access.AuthMode.BASIC, "admin", "s3cret-pass"));
    assertThat(basic.toString()).contains("admin").doesNotContain("s3cret-pass");
  }

  @Test
  void theConsoleSecretIsReadNeverShownAndMustBeLongEnough() {
    String secret = "one secret for every node, 32 characters or more";
    ServerConfig config = ServerConfig.load(Map.of("TERN_CONSOLE_SECRET", secret), null);

    assertThat(config.access().consoleSecret()).isEqualTo(secret);
    assertThat(config.toString()).doesNotContain(secret);
    assertThat(ServerConfig.load(Map.of(), null).access().consoleSecret()).isNull();
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_CONSOLE_SECRET", "too short"), null))
        .hasMessageContaining("TERN_CONSOLE_SECRET must have at least 32 characters");
  }

  @Test
  void loopbackNamesNeedNoAuthentication() {
    assertThat(ServerConfig.load(Map.of("TERN_HOST", "localhost"), null).access().auth())
        .isEqualTo(Access.AuthMode.NONE);
    assertThat(ServerConfig.load(Map.of("TERN_HOST", "::1"), null).access().host()).isEqualTo("::1");
  }

  @Test
  void badAccessValuesAreRefused() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_AUTH", "ldap"), null))
        .hasMessageContaining("TERN_AUTH must be none or basic");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_ADMIN_USER", "admin"), null))
        .hasMessageContaining("TERN_ADMIN_PASSWORD");
  }

  @Test
  void propertiesFileOverridesDefaults() throws IOException {
    Path file =
        write(
            "TERN_PORT=9090\n"
                + "TERN_DB_URL=jdbc:postgresql://db:5432/tern\n"
                + "TERN_DB_USER=tern\n"
                + "TERN_DB_PASSWORD=secret\n"
                + "TERN_JOB_EXECUTOR_ACTIVE=false\n"
                + "TERN_JOB_WORKERS=12\n"
                + "TERN_DB_POOL_SIZE=30\n");

    ServerConfig config = ServerConfig.load(Map.of(), file);

    assertThat(config)
        .isEqualTo(
            new ServerConfig(9090, "jdbc:postgresql://db:5432/tern", "tern", "secret", false, 12, 30));
  }

  @Test
  void environmentWinsOverPropertiesFile() throws IOException {
    Path file = write("TERN_PORT=9090\nTERN_DB_USER=fromfile\nTERN_JOB_EXECUTOR_ACTIVE=false\n");

    ServerConfig config =
        ServerConfig.load(
            Map.of("TERN_PORT", "7070", "TERN_JOB_EXECUTOR_ACTIVE", "TRUE", "PATH", "/bin"), file);

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.jobExecutorActive()).isTrue();
    assertThat(config.dbUser()).isEqualTo("fromfile");
  }

  @Test
  void blankEnvironmentValueDoesNotHideTheFile() throws IOException {
    Path file = write("TERN_PORT=9090\n");

    assertThat(ServerConfig.load(Map.of("TERN_PORT", " "), file).port()).isEqualTo(9090);
  }

  @Test
  void badValuesAreRefusedWithTheKeyName() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_PORT", "eighty"), null))
        .hasMessageContaining("TERN_PORT");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_PORT", "70000"), null))
        .hasMessageContaining("TERN_PORT");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_JOB_EXECUTOR_ACTIVE", "yes"), null))
        .hasMessageContaining("TERN_JOB_EXECUTOR_ACTIVE");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_JOB_WORKERS", "0"), null))
        .hasMessageContaining("TERN_JOB_WORKERS");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_DB_POOL_SIZE", "many"), null))
        .hasMessageContaining("TERN_DB_POOL_SIZE");
  }

  @Test
  void jobExecutorKnobsAndTheActivityBoundComeFromTheEnvironment() {
    ServerConfig config =
        ServerConfig.load(
            Map.of(
                "TERN_JOB_LOCK_DURATION", "PT2M",
                "TERN_JOB_ACQUISITION_BATCH_SIZE", "25",
                "TERN_JOB_IDLE_DELAY_MAX", "PT1S",
                "TERN_JOB_SHUTDOWN_TIMEOUT", "PT10S",
                "TERN_MAX_ACTIVITIES_PER_TRANSACTION", "500",
                "TERN_JOB_WORKERS", "4"),
            null);

    var executor = config.tuning().jobExecutorSettings(config.jobWorkers());
    assertThat(executor.lockDuration()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(executor.acquisitionBatchSize()).isEqualTo(25);
    assertThat(executor.idleDelayMax()).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(executor.shutdownTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(executor.workerThreads()).isEqualTo(4);
    assertThat(config.tuning().engineSettings(true).maxActivitiesPerTransaction()).isEqualTo(500);
    assertThat(ServerConfig.load(Map.of(), null).tuning()).isEqualTo(Tuning.defaults());
    assertThat(Tuning.defaults().jobLockDuration()).isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  void historyCleanupSettingsComeFromTheEnvironmentWithCamundasDefaults() {
    var defaults = ServerConfig.load(Map.of(), null).tuning().historyCleanup();
    assertThat(defaults.batchWindowStartTime()).isNull();
    assertThat(defaults.batchSize()).isEqualTo(500);
    assertThat(defaults.enabled()).isTrue();

    var cleanup =
        ServerConfig.load(
                Map.of(
                    "TERN_HISTORY_CLEANUP_BATCH_WINDOW_START_TIME", "22:00",
                    "TERN_HISTORY_CLEANUP_BATCH_WINDOW_END_TIME", "02:30",
                    "TERN_HISTORY_CLEANUP_BATCH_SIZE", "100",
                    "TERN_HISTORY_CLEANUP_BATCH_THRESHOLD", "5",
                    "TERN_HISTORY_CLEANUP_ENABLED", "false"),
                null)
            .tuning()
            .historyCleanup();
    assertThat(cleanup.batchWindowStartTime()).isEqualTo(java.time.LocalTime.of(22, 0));
    assertThat(cleanup.batchWindowEndTime()).isEqualTo(java.time.LocalTime.of(2, 30));
    assertThat(cleanup.batchSize()).isEqualTo(100);
    assertThat(cleanup.batchThreshold()).isEqualTo(5);
    assertThat(cleanup.enabled()).isFalse();

    assertThatThrownBy(
            () -> ServerConfig.load(Map.of("TERN_HISTORY_CLEANUP_BATCH_WINDOW_START_TIME", "10pm"), null))
        .hasMessageContaining("TERN_HISTORY_CLEANUP_BATCH_WINDOW_START_TIME");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_HISTORY_CLEANUP_BATCH_SIZE", "501"), null))
        .hasMessageContaining("batch size");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_HISTORY_CLEANUP_ENABLED", "yes"), null))
        .hasMessageContaining("TERN_HISTORY_CLEANUP_ENABLED");
  }

  @Test
  void theHistoryRemovalTimeStrategyIsCamundasEndUnlessStartOrNoneIsSet() throws IOException {
    assertThat(ServerConfig.load(Map.of(), null).tuning().historyRemovalTimeStrategy())
        .isEqualTo(RemovalTimeStrategy.END);
    assertThat(
            ServerConfig.load(Map.of("TERN_HISTORY_REMOVAL_TIME_STRATEGY", "start"), null)
                .tuning()
                .historyRemovalTimeStrategy())
        .isEqualTo(RemovalTimeStrategy.START);
    assertThat(
            ServerConfig.load(Map.of(), write("TERN_HISTORY_REMOVAL_TIME_STRATEGY=None\n"))
                .tuning()
                .historyRemovalTimeStrategy())
        .isEqualTo(RemovalTimeStrategy.NONE);
    assertThatThrownBy(
            () -> ServerConfig.load(Map.of("TERN_HISTORY_REMOVAL_TIME_STRATEGY", "later"), null))
        .hasMessage(
            "TERN_HISTORY_REMOVAL_TIME_STRATEGY: history removal time strategy must be start, end"
                + " or none, was 'later'");
  }

  @Test
  void batchCountsComeFromTheEnvironmentGloballyAndPerBatchType() {
    assertThat(ServerConfig.load(Map.of(), null).tuning().batch())
        .isEqualTo(dev.tern.engine.batch.BatchSettings.defaults());
    var batch =
        ServerConfig.load(
                Map.of(
                    "TERN_BATCH_JOBS_PER_SEED", "50",
                    "TERN_BATCH_INVOCATIONS_PER_JOB", "1",
                    "TERN_BATCH_INVOCATIONS_PER_JOB_SET_JOB_RETRIES", "500"),
                null)
            .tuning()
            .batch();
    assertThat(batch.batchJobsPerSeed("set-job-retries")).isEqualTo(50);
    assertThat(batch.invocationsPerBatchJob("set-job-retries")).isEqualTo(500);
    assertThat(batch.invocationsPerBatchJob("set-external-task-retries")).isEqualTo(1);
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_BATCH_JOBS_PER_SEED", "0"), null))
        .hasMessageContaining("TERN_BATCH_JOBS_PER_SEED");
    assertThatThrownBy(
            () -> ServerConfig.load(Map.of("TERN_BATCH_INVOCATIONS_PER_JOB_SET_JOB_RETRIES", "x"), null))
        .hasMessageContaining("TERN_BATCH_INVOCATIONS_PER_JOB_SET_JOB_RETRIES");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_BATCH_INVOCATIONS_PER_JOB", "65537"), null))
        .hasMessageContaining("TERN_BATCH_INVOCATIONS_PER_JOB must be at most 65536");
    assertThat(
            ServerConfig.load(Map.of("TERN_BATCH_INVOCATIONS_PER_JOB", "65536"), null)
                .tuning()
                .batch()
                .invocationsPerBatchJob("set-job-retries"))
        .isEqualTo(65_536);
  }

  @Test
  void malformedDurationsAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_JOB_LOCK_DURATION", "5 minutes"), null))
        .hasMessageContaining("TERN_JOB_LOCK_DURATION")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("TERN_JOB_LOCK_DURATION", "PT0S"), null))
        .hasMessageContaining("TERN_JOB_LOCK_DURATION");
  }

  @Test
  void logFormOfTheUrlHidesPasswords() {
    ServerConfig config =
        new ServerConfig(
            8080, "jdbc:postgresql://db/tern?user=a&password=secret", "a", "secret", true, 8, 20);

    assertThat(config.dbUrlForLog()).isEqualTo("jdbc:postgresql://db/tern");
    assertThat(config.toString()).doesNotContain("secret");
    assertThat(new ServerConfig(1, "jdbc:h2:mem:x;PASSWORD=pw;X=1", null, null, true, 8, 20).dbUrlForLog())
        .isEqualTo("jdbc:h2:mem:x;PASSWORD=***;X=1");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("tern.properties");
    Files.writeString(file, content);
    return file;
  }
}
