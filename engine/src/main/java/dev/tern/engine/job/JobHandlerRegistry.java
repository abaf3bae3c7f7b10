package dev.tern.engine.job;

import dev.tern.engine.ProcessEngineException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The job handlers of one engine, by {@link JobHandler#type()}. */
final class JobHandlerRegistry {

  private final Map<String, JobHandler> handlers;

  JobHandlerRegistry(Collection<? extends JobHandler> handlers) {
    Map<String, JobHandler> byType = new LinkedHashMap<>();
    for (JobHandler handler : handlers) {
      if (byType.put(handler.type(), handler) != null) {
        throw new IllegalArgumentException("Two job handlers for type '" + handler.type() + "'");
      }
    }
    this.handlers = Map.copyOf(byType);
  }

  public Optional<JobHandler> find(String type) {
    return Optional.ofNullable(handlers.get(type));
  }

  /** The handler for a job; a job nobody can run fails like any other failing job. */
  JobHandler require(String type) {
    return find(type)
        .orElseThrow(
            () -> new ProcessEngineException("No job handler registered for type '" + type + "'"));
  }
}
