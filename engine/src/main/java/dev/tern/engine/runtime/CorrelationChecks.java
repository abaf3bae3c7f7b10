package dev.tern.engine.runtime;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.event.EventSubscription;
import org.jdbi.v3.core.Handle;

/**
 * Camunda's authorization checks of a message correlation or a signal, made for every receiver
 * before anything is delivered: a waiting token needs {@code UPDATE} on its instance or {@code
 * UPDATE_INSTANCE} on its definition; a start event needs {@code CREATE} on process instances and
 * {@code CREATE_INSTANCE} on its definition.
 */
final class CorrelationChecks {

  private final Authorizer authorizer = new Authorizer();
  private final DeployedProcesses processes;

  CorrelationChecks(DeployedProcesses processes) {
    this.processes = processes;
  }

  void check(Handle handle, Caller caller, EventSubscription receiver) {
    if (caller.unrestricted()) {
      return;
    }
    String key =
        processes.findById(handle, receiver.processDefinitionId()).map(DeployedProcess::key).orElse(null);
    if (receiver.isStart()) {
      authorizer.check(handle, caller, PermissionCheck.of(Permission.CREATE, Resource.PROCESS_INSTANCE));
      authorizer.check(
          handle, caller, PermissionCheck.of(Permission.CREATE_INSTANCE, Resource.PROCESS_DEFINITION, key));
      return;
    }
    authorizer.check(
        handle,
        caller,
        PermissionCheck.of(Permission.UPDATE, Resource.PROCESS_INSTANCE, receiver.processInstanceId()),
        PermissionCheck.of(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, key));
  }
}
