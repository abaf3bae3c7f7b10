package dev.tern.engine;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessModelCache;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * A running process engine: the services an embedding application (or the REST layer) calls. Build
 * one with {@link #builder()}; close it to stop the job executor and release the database.
 */
public final class ProcessEngine implements AutoCloseable {

  private final EngineSettings settings;
  private final Database database;
  private final boolean ownsDatabase;
  private final Clock clock;
  private final Ids ids;
  private final DeploymentService deploymentService;

  private ProcessEngine(Builder builder) {
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.ownsDatabase = builder.database == null;
    this.database =
        builder.database != null ? builder.database : Database.open(builder.databaseConfig);
    this.ids = new Ids(clock);
    this.deploymentService =
        new DeploymentService(
            database, clock, ids, settings, ProcessModelCache.DEFAULT_CAPACITY);
  }

  public static Builder builder() {
    return new Builder();
  }

  public String name() {
    return settings.name();
  }

  public EngineSettings settings() {
    return settings;
  }

  public Database database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  public Ids ids() {
    return ids;
  }

  /** Deployments and process definitions. */
  public DeploymentService deploymentService() {
    return deploymentService;
  }

  /** Parsed process models by process definition id. */
  public ProcessModelCache processModelCache() {
    return deploymentService.processModelCache();
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }

  /** Builds a {@link ProcessEngine}; every setting has a named default. */
  public static final class Builder {
    private DatabaseConfig databaseConfig =
        DatabaseConfig.of(DatabaseConfig.DEFAULT_H2_URL, "sa", "");
    private Database database;
    private Clock clock = Clock.systemUTC();
    private EngineSettings settings = EngineSettings.defaults();
    private Map<String, Object> beans = Map.of();

    private Builder() {}

    public Builder databaseConfig(DatabaseConfig databaseConfig) {
      this.databaseConfig = Objects.requireNonNull(databaseConfig);
      return this;
    }

    /** Uses a database the caller opened and will close. */
    public Builder database(Database database) {
      this.database = Objects.requireNonNull(database);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      return this;
    }

    /** Named objects that expressions such as {@code ${mailer.send(order)}} can reach. */
    public Builder beans(Map<String, Object> beans) {
      this.beans = Map.copyOf(beans);
      return this;
    }

    public ProcessEngine build() {
      return new ProcessEngine(this);
    }
  }
}
