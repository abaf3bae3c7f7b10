package dev.tern.engine.job;

import dev.tern.engine.deployment.ProcessModelCache;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Finds the {@code camunda:failedJobRetryTimeCycle} that applies to a job (normally from the
 * process model of the job's activity). The engine wires the deployment's model cache in here.
 */
@FunctionalInterface
public interface RetryCycleLookup {

  RetryCycleLookup NONE = (handle, job) -> Optional.empty();

  /** Reads the cycle from the job's activity in its process model (the engine's default). */
  static RetryCycleLookup fromModels(ProcessModelCache models) {
    return new ModelRetryCycleLookup(models);
  }

  Optional<String> retryTimeCycle(Handle handle, Job job);
}
