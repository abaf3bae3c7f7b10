package dev.tern.engine.runtime;

/**
 * The scope execution that owns local variables: the token resting at an embedded sub-process, a
 * call activity or a multi-instance body or instance. Process variables have none (their owner is
 * the process instance).
 *
 * @param activityInstanceId the key the variables are stored under ({@code act_inst_id}): the
 *     scope's activity instance, which Camunda shows as the variables' {@code activityInstanceId};
 *     for an instance of a parallel multi-instance activity its execution (see {@link
 *     MultiInstanceVariables})
 * @param historyActivityInstanceId the activity instance their history and updates name
 */
record VariableOwner(
    String processInstanceId,
    String executionId,
    String activityInstanceId,
    String historyActivityInstanceId) {

  VariableOwner(String processInstanceId, String executionId, String activityInstanceId) {
    this(processInstanceId, executionId, activityInstanceId, activityInstanceId);
  }
}
