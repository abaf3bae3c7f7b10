package dev.tern.engine.task;

import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.VariableStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The details the task query's options add to a page of tasks, read set-based: one statement per
 * table for the whole page, never one per task. Visible variables are the instance's with the
 * task's local ones over them, as {@link TaskService#variables} reads them for one task.
 */
final class TaskPageDetails {

  static final String VARIABLES = "withTaskVariablesInReturn";
  static final String LOCAL_VARIABLES = "withTaskLocalVariablesInReturn";
  static final String NOTES = "withCommentAttachmentInfo";

  private final TaskStore tasks;
  private final VariableStore processVariables;
  private final CommentStore comments;
  private final AttachmentStore attachments;

  TaskPageDetails(
      TaskStore tasks,
      VariableStore processVariables,
      CommentStore comments,
      AttachmentStore attachments) {
    this.tasks = tasks;
    this.processVariables = processVariables;
    this.comments = comments;
    this.attachments = attachments;
  }

  /** The page's tasks with the details {@code options} (the query's filters) ask for. */
  List<ListedTask> add(Handle h, List<Task> page, Map<String, Object> options) {
    boolean visible = on(options, VARIABLES);
    boolean local = on(options, LOCAL_VARIABLES);
    boolean notes = on(options, NOTES);
    List<String> ids = page.stream().map(Task::id).toList();
    Map<String, Map<String, TypedValue>> locals =
        visible || local ? tasks.localVariablesOf(h, ids) : Map.of();
    Map<String, Map<String, TypedValue>> instances =
        visible
            ? processVariables.allOf(
                h,
                page.stream().map(Task::processInstanceId).filter(Objects::nonNull).distinct().toList())
            : Map.of();
    Set<String> commented = notes ? comments.taskIdsWithNotes(h, ids) : Set.of();
    Set<String> attached = notes ? attachments.taskIdsWithNotes(h, ids) : Set.of();
    return page.stream()
        .map(
            task -> {
              Map<String, TypedValue> variables = null;
              if (visible || local) {
                variables = new LinkedHashMap<>();
                if (visible && task.processInstanceId() != null) {
                  variables.putAll(instances.getOrDefault(task.processInstanceId(), Map.of()));
                }
                variables.putAll(locals.getOrDefault(task.id(), Map.of()));
              }
              return notes
                  ? new ListedTask(task, variables, attached.contains(task.id()), commented.contains(task.id()))
                  : new ListedTask(task, variables, null, null);
            })
        .toList();
  }

  private static boolean on(Map<String, Object> options, String name) {
    return Boolean.TRUE.equals(options.get(name));
  }
}
