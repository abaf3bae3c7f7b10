package dev.tern.engine.deployment.model;

/**
 * How execution continues around a node: {@code camunda:asyncBefore}/{@code asyncAfter} make a job
 * before or after the node; {@code camunda:exclusive} (default true) keeps the jobs of one process
 * instance from running at the same time.
 *
 * @param failedJobRetryTimeCycle {@code camunda:failedJobRetryTimeCycle}, or null for the default
 */
public record Continuation(
    boolean asyncBefore, boolean asyncAfter, boolean exclusive, String failedJobRetryTimeCycle) {

  public static final Continuation SYNCHRONOUS = new Continuation(false, false, true, null);
}
