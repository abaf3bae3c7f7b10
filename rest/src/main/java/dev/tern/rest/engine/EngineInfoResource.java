package dev.tern.rest.engine;

import dev.tern.engine.ProcessEngine;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import java.util.List;

/** {@code GET /version} and {@code GET /engine}, answered as Camunda 7.24 answers them. */
public final class EngineInfoResource implements RestResource {

  /** The Camunda REST API version Tern implements. */
  public static final String CAMUNDA_API_VERSION = "7.24.0";

  private final ProcessEngine engine;

  public EngineInfoResource(ProcessEngine engine) {
    this.engine = engine;
  }

  record VersionDto(String version) {}

  record ProcessEngineDto(String name) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/version", ctx -> ctx.json(new VersionDto(CAMUNDA_API_VERSION)))
        .get("/engine", ctx -> ctx.json(List.of(new ProcessEngineDto(engine.name()))));
  }
}
