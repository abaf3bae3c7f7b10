package dev.tern.engine.task;

import dev.tern.engine.runtime.TypedValue;
import java.util.Map;

/**
 * A task of a list page with what Camunda's task query adds on request: its variables ({@code
 * withTaskVariablesInReturn} / {@code withTaskLocalVariablesInReturn}) and whether it has an
 * attachment and a comment ({@code withCommentAttachmentInfo}); each null when not asked for.
 */
public record ListedTask(
    Task task, Map<String, TypedValue> variables, Boolean attachment, Boolean comment) {}
