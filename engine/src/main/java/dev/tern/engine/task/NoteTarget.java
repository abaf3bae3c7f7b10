package dev.tern.engine.task;

/**
 * The task a comment or attachment belongs to, open or ended, from its history row.
 *
 * @param open the task while it is open, else null
 */
record NoteTarget(
    String taskId,
    String processDefinitionKey,
    String tenantId,
    String rootProcessInstanceId,
    Task open) {}
