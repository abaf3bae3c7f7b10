package dev.tern.engine.deployment.model;

import java.util.List;

/**
 * A node of the process graph: what every kind of node has, plus its {@link NodeKind}.
 *
 * @param incoming ids of the sequence flows into this node
 * @param outgoing ids of the sequence flows out of this node, in document order
 */
public record FlowNode(
    String id,
    String name,
    List<String> incoming,
    List<String> outgoing,
    Continuation continuation,
    IoMapping ioMapping,
    NodeKind kind) {

  public FlowNode {
    incoming = List.copyOf(incoming);
    outgoing = List.copyOf(outgoing);
  }

  /** Camunda's activity type name, as history and incidents report it (e.g. {@code serviceTask}). */
  public String activityType() {
    return kind.activityType();
  }
}
