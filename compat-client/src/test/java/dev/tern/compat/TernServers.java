package dev.tern.compat;

import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.server.Main;
import dev.tern.server.ServerConfig;
import java.util.HashMap;
import java.util.Map;

/** Starts Tern as {@code tern.jar} starts it, on a free port and the test's database. */
final class TernServers {

  private TernServers() {}

  static Main.Running start(DatabaseConfig database) {
    Map<String, String> environment = new HashMap<>();
    environment.put(ServerConfig.PORT, "0");
    environment.put(ServerConfig.DB_URL, database.jdbcUrl());
    environment.put(ServerConfig.DB_USER, database.user());
    environment.put(ServerConfig.DB_PASSWORD, database.password());
    return Main.start(ServerConfig.load(environment, null));
  }
}
