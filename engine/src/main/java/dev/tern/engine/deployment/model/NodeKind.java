package dev.tern.engine.deployment.model;

/** What a flow node is and the settings only that kind has. */
public sealed interface NodeKind {

  /** Camunda's activity type name (history, incidents). */
  String activityType();

  record NoneStartEvent() implements NodeKind {
    public String activityType() {
      return "startEvent";
    }
  }

  record NoneEndEvent() implements NodeKind {
    public String activityType() {
      return "noneEndEvent";
    }
  }

  /** A user task: a wait state until it is completed or interrupted. */
  record UserTask(String assignee) implements NodeKind {
    public String activityType() {
      return "userTask";
    }
  }

  record ServiceTask(ServiceImplementation implementation) implements NodeKind {
    public String activityType() {
      return "serviceTask";
    }
  }

  /** @param defaultFlowId the {@code default} attribute, or null */
  record ExclusiveGateway(String defaultFlowId) implements NodeKind {
    public String activityType() {
      return "exclusiveGateway";
    }
  }

  record ParallelGateway() implements NodeKind {
    public String activityType() {
      return "parallelGateway";
    }
  }

  record TimerCatchEvent(TimerDefinition timer) implements NodeKind {
    public String activityType() {
      return "intermediateTimer";
    }
  }

  /** A timer boundary event; {@code cancelActivity} false is refused at deployment for now. */
  record BoundaryTimerEvent(String attachedTo, boolean cancelActivity, TimerDefinition timer)
      implements NodeKind {
    public String activityType() {
      return "boundaryTimer";
    }
  }
}
