package dev.tern.engine.deployment.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One executable BPMN process, parsed and validated: immutable, shared by every instance of its
 * process definition.
 *
 * @param key the process id in the BPMN file (Camunda's process definition key)
 * @param startEventId the none start event the engine starts instances at; null when the process
 *     starts only by events (message, signal)
 * @param nodes flow nodes by id, in document order
 * @param flows sequence flows by id, in document order
 * @param listeners execution listeners by the id of their node, sequence flow or process
 * @param parents the enclosing embedded sub-process of each node inside one, by node id (nodes of
 *     the process scope are absent)
 * @param multiInstance the loop characteristics of the multi-instance activities, by node id
 */
public record ProcessModel(
    String key,
    String name,
    Integer historyTimeToLive,
    String versionTag,
    boolean startableInTasklist,
    String startEventId,
    Map<String, FlowNode> nodes,
    Map<String, SequenceFlow> flows,
    Map<String, List<ExecutionListener>> listeners,
    Map<String, String> parents,
    Map<String, MultiInstance> multiInstance) {

  public ProcessModel {
    nodes = Map.copyOf(nodes);
    flows = Map.copyOf(flows);
    listeners = Map.copyOf(listeners);
    parents = Map.copyOf(parents);
    multiInstance = Map.copyOf(multiInstance);
  }

  /** The loop characteristics of a multi-instance activity, or null. */
  public MultiInstance multiInstanceOf(String nodeId) {
    return multiInstance.get(nodeId);
  }

  /** Whether the process has embedded sub-processes (and so an execution tree deeper than one). */
  public boolean hasScopes() {
    return !parents.isEmpty();
  }

  /** The id of the sub-process enclosing a node, or null in the process scope. */
  public String parentOf(String nodeId) {
    return parents.get(nodeId);
  }

  /** Whether a token resting at this node is the scope execution of its children. */
  public boolean isScope(String nodeId) {
    FlowNode node = nodes.get(nodeId);
    return node != null
        && (node.kind() instanceof NodeKind.SubProcess
            || node.kind() instanceof NodeKind.EventSubProcess);
  }

  /** Whether a token resting at this node waits for a called process instance. */
  public boolean isCallActivity(String nodeId) {
    FlowNode node = nodes.get(nodeId);
    return node != null && node.kind() instanceof NodeKind.CallActivity;
  }

  /** The listeners of an element (node, flow or the process, by id) for one event, in order. */
  public List<ExecutionListener> listeners(String elementId, String event) {
    List<ExecutionListener> all = listeners.get(elementId);
    return all == null ? List.of() : all.stream().filter(l -> l.event().equals(event)).toList();
  }

  public FlowNode node(String id) {
    return known(nodes, "flow node", id);
  }

  public Optional<FlowNode> findNode(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public SequenceFlow flow(String id) {
    return known(flows, "sequence flow", id);
  }

  private <T> T known(Map<String, T> elements, String what, String id) {
    T element = elements.get(id);
    if (element == null) {
      throw new IllegalArgumentException("No " + what + " '" + id + "' in process '" + key + "'");
    }
    return element;
  }

  public List<SequenceFlow> outgoing(FlowNode node) {
    return node.outgoing().stream().map(this::flow).toList();
  }

  /** The error boundary events attached to the given activity, in document order. */
  public List<FlowNode> errorBoundariesOf(String activityId) {
    return nodes.values().stream()
        .filter(
            n -> n.kind() instanceof NodeKind.BoundaryErrorEvent b && b.attachedTo().equals(activityId))
        .toList();
  }

  /** The message and signal boundary events attached to the given activity, in document order. */
  public List<FlowNode> triggerBoundariesOf(String activityId) {
    return nodes.values().stream()
        .filter(
            n -> n.kind() instanceof NodeKind.BoundaryTriggerEvent b && b.attachedTo().equals(activityId))
        .toList();
  }

  /**
   * The event sub-process of a scope (a sub-process id, or null for the process) that catches an
   * error (or escalation) of this code: one naming the code before a catch-all; null if none.
   */
  public FlowNode eventSubProcessCatching(String scopeId, boolean error, String code) {
    FlowNode catchAll = null;
    for (FlowNode node : nodes.values()) {
      if (node.kind() instanceof NodeKind.EventSubProcess sub
          && java.util.Objects.equals(parents.get(node.id()), scopeId)
          && sub.catches(error, code)) {
        if (sub.code() != null) {
          return node;
        }
        catchAll = catchAll == null ? node : catchAll;
      }
    }
    return catchAll;
  }

  /**
   * The event sub-processes a message, signal or timer starts in a scope (a sub-process id, or
   * null for the process), in document order.
   */
  public List<FlowNode> eventStartedSubProcessesOf(String scopeId) {
    return nodes.values().stream()
        .filter(
            n ->
                n.kind() instanceof NodeKind.EventSubProcess sub
                    && sub.startsOnEvent()
                    && java.util.Objects.equals(parents.get(n.id()), scopeId))
        .toList();
  }

  /** The event sub-process a message, signal or timer start event starts, or null. */
  public FlowNode eventSubProcessStartedAt(String startEventId) {
    String parent = parents.get(startEventId);
    FlowNode node = parent == null ? null : nodes.get(parent);
    return node != null
            && node.kind() instanceof NodeKind.EventSubProcess sub
            && sub.startsOnEvent()
            && sub.startEventId().equals(startEventId)
        ? node
        : null;
  }

  /** The escalation boundary events attached to the given activity, in document order. */
  public List<FlowNode> escalationBoundariesOf(String activityId) {
    return nodes.values().stream()
        .filter(
            n ->
                n.kind() instanceof NodeKind.BoundaryEscalationEvent b
                    && b.attachedTo().equals(activityId))
        .toList();
  }

  /** The message and signal start events, in document order. */
  public List<FlowNode> eventStartEvents() {
    return nodes.values().stream().filter(n -> n.kind() instanceof NodeKind.EventStartEvent).toList();
  }

  /** The timer boundary events attached to the given activity. */
  public List<FlowNode> boundaryEventsOf(String activityId) {
    return nodes.values().stream()
        .filter(
            n -> n.kind() instanceof NodeKind.BoundaryTimerEvent b && b.attachedTo().equals(activityId))
        .toList();
  }
}
