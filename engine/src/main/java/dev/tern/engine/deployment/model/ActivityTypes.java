package dev.tern.engine.deployment.model;

import java.util.Map;

/** Camunda's activity type of each {@link NodeKind} whose type does not depend on its settings. */
final class ActivityTypes {

  private static final Map<Class<?>, String> FIXED =
      Map.ofEntries(
        Map.entry(NodeKind.TimerStartEvent.class, "startTimerEvent"),
        Map.entry(NodeKind.ReceiveTask.class, "receiveTask"),
        Map.entry(NodeKind.NoneThrowEvent.class, "intermediateNoneThrowEvent"),
        Map.entry(NodeKind.TerminateEndEvent.class, "terminateEndEvent"),
        Map.entry(NodeKind.LinkThrowEvent.class, "intermediateThrowEvent"),
        Map.entry(NodeKind.LinkCatchEvent.class, "intermediateLinkCatch"),
        Map.entry(NodeKind.NoneEndEvent.class, "noneEndEvent"),
        Map.entry(NodeKind.UserTask.class, "userTask"),
        Map.entry(NodeKind.ExclusiveGateway.class, "exclusiveGateway"),
        Map.entry(NodeKind.InclusiveGateway.class, "inclusiveGateway"),
        Map.entry(NodeKind.EventBasedGateway.class, "eventBasedGateway"),
        Map.entry(NodeKind.ParallelGateway.class, "parallelGateway"),
        Map.entry(NodeKind.TimerCatchEvent.class, "intermediateTimer"),
        Map.entry(NodeKind.ErrorEndEvent.class, "errorEndEvent"),
        Map.entry(NodeKind.BoundaryErrorEvent.class, "boundaryError"),
        Map.entry(NodeKind.SubProcess.class, "subProcess"),
        Map.entry(NodeKind.BoundaryEscalationEvent.class, "boundaryEscalation"),
        Map.entry(NodeKind.BoundaryTimerEvent.class, "boundaryTimer"));

  private ActivityTypes() {}

  static String of(NodeKind kind) {
    String type = FIXED.get(kind.getClass());
    if (type == null) {
      throw new IllegalStateException("No activity type for " + kind.getClass().getSimpleName());
    }
    return type;
  }
}
