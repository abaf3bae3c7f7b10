package dev.tern.engine.deployment.model;

/**
 * A {@code camunda:in} or {@code camunda:out} of a call activity (or a {@code camunda:in} of a
 * thrown signal): one variable ({@code source} or
 * {@code sourceExpression} to {@code target}) or every variable ({@code variables="all"}).
 *
 * @param local {@code local="true"}: in, only the call activity's local variables (its input
 *     parameters); out, the values become local to the call activity (its output parameters read
 *     them)
 */
public record VariableMapping(
    String source, String sourceExpression, String target, boolean all, boolean local) {}
