package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.Continuation;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.SequenceFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ProcessModel} records for tests; incoming/outgoing lists follow the flows. */
final class TestModels {

  private final String key;
  private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
  private final List<SequenceFlow> flows = new ArrayList<>();
  private String startEventId;

  private TestModels(String key) {
    this.key = key;
  }

  static TestModels process(String key) {
    return new TestModels(key);
  }

  TestModels start(String id) {
    startEventId = id;
    return node(id, new NodeKind.NoneStartEvent());
  }

  TestModels end(String id) {
    return node(id, new NodeKind.NoneEndEvent());
  }

  TestModels node(String id, NodeKind kind) {
    nodes.put(id, new NodeSpec(id, kind, Continuation.SYNCHRONOUS, IoMapping.NONE));
    return this;
  }

  TestModels node(String id, NodeKind kind, Continuation continuation) {
    nodes.put(id, new NodeSpec(id, kind, continuation, IoMapping.NONE));
    return this;
  }

  TestModels node(String id, NodeKind kind, Continuation continuation, IoMapping io) {
    nodes.put(id, new NodeSpec(id, kind, continuation, io));
    return this;
  }

  TestModels flow(String id, String from, String to) {
    return flow(id, from, to, null);
  }

  TestModels flow(String id, String from, String to, String condition) {
    flows.add(new SequenceFlow(id, null, from, to, condition));
    return this;
  }

  /** start → the given nodes in a row → end, with flows f1, f2, … */
  static ProcessModel line(String key, Map<String, NodeKind> steps) {
    TestModels models = process(key).start("start");
    String previous = "start";
    int i = 1;
    for (Map.Entry<String, NodeKind> step : steps.entrySet()) {
      models.node(step.getKey(), step.getValue()).flow("f" + i++, previous, step.getKey());
      previous = step.getKey();
    }
    return models.end("end").flow("f" + i, previous, "end").build();
  }

  ProcessModel build() {
    Map<String, FlowNode> built = new LinkedHashMap<>();
    for (NodeSpec spec : nodes.values()) {
      List<String> incoming = new ArrayList<>();
      List<String> outgoing = new ArrayList<>();
      for (SequenceFlow flow : flows) {
        if (flow.targetId().equals(spec.id())) {
          incoming.add(flow.id());
        }
        if (flow.sourceId().equals(spec.id())) {
          outgoing.add(flow.id());
        }
      }
      built.put(
          spec.id(),
          new FlowNode(
              spec.id(), spec.id() + " name", incoming, outgoing, spec.continuation(), spec.io(), spec.kind()));
    }
    Map<String, SequenceFlow> flowMap = new LinkedHashMap<>();
    flows.forEach(f -> flowMap.put(f.id(), f));
    return new ProcessModel(key, key + " name", 30, null, true, startEventId, built, flowMap);
  }

  private record NodeSpec(String id, NodeKind kind, Continuation continuation, IoMapping io) {}
}
