package dev.tern.engine.externaltask;

import dev.tern.engine.runtime.TypedValue;
import java.util.Map;

/**
 * A task a worker just locked, with what it asked for: variables, the error details of the last
 * failure, and the activity's {@code camunda:properties} (empty unless asked for).
 */
public record LockedExternalTask(
    ExternalTask task,
    String errorDetails,
    Map<String, TypedValue> variables,
    Map<String, String> extensionProperties) {}
