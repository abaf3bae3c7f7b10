package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.MultiInstance;
import dev.tern.engine.deployment.model.ProcessModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Builds a running instance's activity-instance tree from its executions (one query). */
final class ActivityInstanceTree {

  private final ExecutionStore executions;

  ActivityInstanceTree(ExecutionStore executions) {
    this.executions = executions;
  }

  ActivityInstance of(Handle handle, RuntimeProcessInstance instance, DeployedProcess process) {
    Map<String, List<ExecutionRow>> byParent = new HashMap<>();
    for (ExecutionRow row : executions.findByInstance(handle, instance.id())) {
      byParent.computeIfAbsent(row.parentId() == null ? "" : row.parentId(), k -> new ArrayList<>()).add(row);
    }
    Level root = level(process.model(), byParent, "", instance.id());
    return new ActivityInstance(
        instance.id(),
        null,
        process.definitionId(),
        process.name(),
        "processDefinition",
        executionIds(byParent, "", instance.id()),
        root.activities,
        root.transitions);
  }

  /**
   * A scope's executions as Camunda lists them on its activity instance: the scope execution, then
   * each concurrent execution of the scope whose child is a scope execution (the path above an
   * activity's own execution, a sub-process's or a multi-instance body's), as Camunda's tree has them.
   */
  private static List<String> executionIds(
      Map<String, List<ExecutionRow>> byParent, String parentRowId, String scopeExecution) {
    Set<String> ids = new LinkedHashSet<>(List.of(scopeExecution));
    for (ExecutionRow row : byParent.getOrDefault(parentRowId, List.of())) {
      if (row.outerId() != null) {
        ids.add(row.outerId());
      } else if (row.scopeExecutionId() != null) {
        ids.add(row.id());
      }
    }
    return List.copyOf(ids);
  }

  private record Level(
      List<ActivityInstance> activities, List<ActivityInstance.TransitionInstance> transitions) {}

  private Level level(
      ProcessModel model, Map<String, List<ExecutionRow>> byParent, String parentRowId, String parentId) {
    List<ActivityInstance> activities = new ArrayList<>();
    List<ActivityInstance.TransitionInstance> transitions = new ArrayList<>();
    for (ExecutionRow row : byParent.getOrDefault(parentRowId, List.of())) {
      FlowNode node = model.node(row.activityId());
      switch (row.state()) {
        case ASYNC ->
            transitions.add(
                row.loopCounter() == null && model.multiInstanceOf(node.id()) != null
                    // the activity's own continuation belongs to its multi-instance body
                    ? new ActivityInstance.TransitionInstance(
                        row.id(), parentId, MultiInstance.bodyId(node.id()), node.name(), "multiInstanceBody", row.id())
                    : new ActivityInstance.TransitionInstance(
                        row.id(), parentId, node.id(), node.name(), node.activityType(), row.id()));
        case BODY -> activities.add(scope(model, byParent, row, parentId, MultiInstance.bodyId(node.id()), "multiInstanceBody", node.name()));
        // a token waiting at a join shows the join's activity instance, as in Camunda
        case WAITING, JOIN ->
            activities.add(
                model.isScope(node.id()) || model.multiInstanceOf(node.id()) != null
                    ? scope(model, byParent, row, parentId, node.id(), node.activityType(), node.name())
                    : new ActivityInstance(
                        row.activityInstanceId(),
                        parentId,
                        node.id(),
                        node.name(),
                        node.activityType(),
                        List.of(row.id()),
                        List.of(),
                        List.of()));
      }
    }
    return new Level(activities, transitions);
  }

  private ActivityInstance scope(
      ProcessModel model,
      Map<String, List<ExecutionRow>> byParent,
      ExecutionRow row,
      String parentId,
      String activityId,
      String activityType,
      String name) {
    Level inside = level(model, byParent, row.id(), row.activityInstanceId());
    return new ActivityInstance(
        row.activityInstanceId(),
        parentId,
        activityId,
        name,
        activityType,
        // a sub-process names Camunda's scope execution, in which its first token runs
        executionIds(
            byParent, row.id(), row.scopeExecutionId() != null ? row.scopeExecutionId() : row.id()),
        inside.activities,
        inside.transitions);
  }
}
