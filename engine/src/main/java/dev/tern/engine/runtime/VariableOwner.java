package dev.tern.engine.runtime;

/**
 * The scope execution that owns local variables: the token resting at an embedded sub-process, a
 * call activity or a multi-instance body or instance. Process variables have none (their owner is
 * the process instance).
 *
 * @param activityInstanceId the scope's activity instance, which Camunda shows as the variables'
 *     {@code activityInstanceId}
 */
record VariableOwner(String processInstanceId, String executionId, String activityInstanceId) {}
