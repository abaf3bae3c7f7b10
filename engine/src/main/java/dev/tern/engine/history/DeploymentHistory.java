package dev.tern.engine.history;

import org.jdbi.v3.core.Handle;

/** The history a deployment's cascading deletion removes with it. */
public interface DeploymentHistory {

  /** Deletes the historic incidents, job log and external task log of the deployment's definitions. */
  void deleteOfDeployment(Handle handle, String deploymentId);
}
