package dev.tern.engine.authorization;

/**
 * One permission on one resource: {@code resourceId} is a concrete id, or null for the resource
 * type as a whole (only wildcard authorizations grant it).
 */
public record PermissionCheck(Permission permission, Resource resource, String resourceId) {

  public static PermissionCheck of(Permission permission, Resource resource, String resourceId) {
    return new PermissionCheck(permission, resource, resourceId);
  }

  public static PermissionCheck of(Permission permission, Resource resource) {
    return new PermissionCheck(permission, resource, null);
  }

  /**
   * Camunda's {@code checkUpdateRetriesJob}, any one of which suffices: {@code RETRY_JOB} or {@code
   * UPDATE} on the process instance ({@code "*"}: every instance), {@code RETRY_JOB} or {@code
   * UPDATE_INSTANCE} on the process definition (by key).
   */
  public static PermissionCheck[] retryJob(String processInstanceId, String processDefinitionKey) {
    return new PermissionCheck[] {
      of(Permission.RETRY_JOB, Resource.PROCESS_INSTANCE, processInstanceId),
      of(Permission.RETRY_JOB, Resource.PROCESS_DEFINITION, processDefinitionKey),
      of(Permission.UPDATE, Resource.PROCESS_INSTANCE, processInstanceId),
      of(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, processDefinitionKey)
    };
  }
}
