package dev.tern.engine.runtime;

/**
 * An external task a token starts waiting in: topic and priority already evaluated, and where in
 * which instance it waits.
 */
public record NewExternalTask(
    String topicName, long priority, WaitingActivity where, String businessKey) {}
