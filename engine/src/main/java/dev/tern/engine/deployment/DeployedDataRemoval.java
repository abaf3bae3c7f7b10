package dev.tern.engine.deployment;

import org.jdbi.v3.core.Handle;

/**
 * Removes what other capabilities keep of a deployment's process definitions, through their own
 * stores, when the deployment is deleted (wired in from above, so this package knows no store of
 * theirs).
 */
public interface DeployedDataRemoval {

  /**
   * Removes the jobs and job definitions of the deployment and its definitions; with {@code
   * cascade} also their instances, executions, variables, incidents and history. A few set-based
   * statements whatever the number of instances, in the caller's transaction.
   */
  void remove(Handle handle, String deploymentId, boolean cascade);
}
