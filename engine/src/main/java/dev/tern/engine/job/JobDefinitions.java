package dev.tern.engine.job;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The job definitions as the other capabilities change them (a deployment's, a batch's); every
 * method runs in the caller's transaction.
 */
public interface JobDefinitions {

  void insert(Handle handle, JobDefinition definition);

  Optional<JobDefinition> findById(Handle handle, String id);

  List<JobDefinition> findByProcessDefinition(Handle handle, String processDefinitionId);

  /** Suspends or activates these job definitions (e.g. a batch's three) with one statement. */
  void updateSuspended(Handle handle, String[] ids, boolean suspended);

  /** Deletes these job definitions with one statement. */
  void delete(Handle handle, String[] ids);

  /** Deletes the job definitions of a deployment and of its process definitions. */
  void deleteOfDeployment(Handle handle, String deploymentId);
}
