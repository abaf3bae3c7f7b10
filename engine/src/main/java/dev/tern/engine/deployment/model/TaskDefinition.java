package dev.tern.engine.deployment.model;

/**
 * What a {@code bpmn:userTask} declares about the task it creates, as written in the model: each
 * value may be an expression, evaluated when a token arrives. Null where the model sets nothing.
 *
 * @param candidateUsers {@code camunda:candidateUsers}: a comma-separated list or an expression
 * @param candidateGroups {@code camunda:candidateGroups}, as {@code candidateUsers}
 * @param documentation the task's {@code bpmn:documentation} text (its description)
 * @param listeners its {@code camunda:taskListener}s in document order
 */
public record TaskDefinition(
    String name,
    String documentation,
    String assignee,
    String candidateUsers,
    String candidateGroups,
    String dueDate,
    String followUpDate,
    String priority,
    FormReference form,
    java.util.List<UserTaskListener> listeners) {

  public TaskDefinition {
    listeners = java.util.List.copyOf(listeners);
  }

  /** The listeners of one event, in document order. */
  public java.util.List<UserTaskListener> listeners(String event) {
    return listeners.stream().filter(l -> l.event().equals(event)).toList();
  }

  /**
   * {@code camunda:formKey}, or {@code camunda:formRef} with its binding ({@code latest}, {@code
   * deployment}, {@code version}) and version.
   */
  public record FormReference(String formKey, String formRef, String binding, String version) {
    public static final FormReference NONE = new FormReference(null, null, null, null);
  }
}
