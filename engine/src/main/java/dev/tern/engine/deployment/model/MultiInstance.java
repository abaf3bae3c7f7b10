package dev.tern.engine.deployment.model;

/**
 * {@code multiInstanceLoopCharacteristics} of an activity: the activity runs once per element of
 * a collection or {@code loopCardinality} times, all at once (parallel) or one after the other.
 *
 * @param loopCardinality an expression or number, or null
 * @param collection {@code camunda:collection}: an expression or a variable name, or null
 * @param elementVariable {@code camunda:elementVariable}, or null
 * @param completionCondition an expression ending the activity early, or null
 * @param inner the loop's own {@code camunda:asyncBefore}/{@code asyncAfter}: continuations around
 *     each inner instance (those on the activity apply to the body)
 */
public record MultiInstance(
    boolean sequential,
    String loopCardinality,
    String collection,
    String elementVariable,
    String completionCondition,
    Continuation inner) {

  /** What Camunda appends to an activity's id for its multi-instance body. */
  public static final String BODY_SUFFIX = "#multiInstanceBody";

  /** Camunda's activity id of the multi-instance body of an activity. */
  public static String bodyId(String activityId) {
    return activityId + BODY_SUFFIX;
  }
}
