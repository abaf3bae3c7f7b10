package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a multi-instance activity stored as Camunda 7.24 stores them: {@code
 * nrOfInstances}, {@code nrOfCompletedInstances} and {@code nrOfActiveInstances} are local
 * variables of the body's execution; {@code loopCounter} and the element variable are locals of
 * each instance's execution (parallel: stored under the instance's execution id, their history
 * naming the body's activity instance) or, sequentially, of the body's execution, overwritten by
 * each instance. They end with their execution; history keeps them. The interpreter reads the
 * counts through the body's scope ({@link Run#scopeVariable}), whose cache this class keeps current.
 */
final class MultiInstanceVariables {

  static final String INSTANCES = "nrOfInstances";
  static final String COMPLETED = "nrOfCompletedInstances";
  static final String ACTIVE = "nrOfActiveInstances";
  static final String LOOP_COUNTER = "loopCounter";

  private final VariableStore store;

  MultiInstanceVariables(VariableStore store) {
    this.store = store;
  }

  /** A body starts {@code instances} (more than none): its counts are created. */
  void bodyStarted(Run run, Token body, int instances, boolean sequential) {
    Map<String, TypedValue> counts = new LinkedHashMap<>();
    counts.put(INSTANCES, TypedValue.fromJava(instances));
    counts.put(COMPLETED, TypedValue.fromJava(0));
    counts.put(ACTIVE, TypedValue.fromJava(sequential ? 1 : instances));
    store.setLocal(run.handle, bodyOwner(run, body), counts);
    cache(run, body.id, counts);
  }

  /**
   * The instances of a parallel body start: each gets its loop counter and element, all written
   * at once. Remembered in the run until they rest, so a cancellation finds them.
   *
   * @param elements the element of each instance by loop counter, or null without element variable
   */
  void parallelInstancesStarted(
      Run run, Token body, List<Token> instances, String elementVariable, List<Object> elements) {
    Map<VariableOwner, Map<String, TypedValue>> values = new LinkedHashMap<>();
    for (Token instance : instances) {
      values.put(
          instanceOwner(run, body, instance.id),
          loopValues(instance.loopCounter, elementVariable, elements));
      run.loopInstances.computeIfAbsent(body.id, k -> new java.util.LinkedHashSet<>()).add(instance.id);
    }
    store.createLocals(run.handle, run.instance.id(), values);
  }

  /** The next instance of a sequential body starts: its counter and element replace the last's. */
  void sequentialInstanceStarted(
      Run run, Token body, int loopCounter, String elementVariable, List<Object> elements) {
    Map<String, TypedValue> values = loopValues(loopCounter, elementVariable, elements);
    store.setLocal(run.handle, bodyOwner(run, body), values);
    cache(run, body.id, values);
  }

  /**
   * An instance completed: its own variables go (parallel) and the body counts it in one
   * statement per table.
   *
   * @return the body's counts after the change: {@code {nrOfInstances, nrOfCompletedInstances}}
   */
  int[] instanceCompleted(Run run, Token body, Token instance, boolean sequential) {
    Map<String, Integer> deltas = new LinkedHashMap<>();
    deltas.put(COMPLETED, 1);
    if (!sequential) {
      store.endScopes(run.handle, List.of(instance.id));
      forget(run, body.id, List.of(instance.id));
      deltas.put(ACTIVE, -1);
    }
    Map<String, TypedValue> locals = store.addToLocals(run.handle, bodyOwner(run, body), deltas);
    cache(run, body.id, locals);
    return new int[] {intOf(locals, INSTANCES), intOf(locals, COMPLETED)};
  }

  /**
   * The instances of a scope are cancelled (the completion condition holds, a boundary event or
   * an error ends the body): the variables of the instances among them, resting or started in this
   * run, go.
   */
  void instancesCancelled(Run run, String scopeId, List<ExecutionRow> children) {
    List<String> ids = new java.util.ArrayList<>(run.loopInstances.getOrDefault(scopeId, java.util.Set.of()));
    for (ExecutionRow child : children) {
      if (child.loopCounter() != null && !ids.contains(child.id())) {
        ids.add(child.id());
      }
    }
    if (!ids.isEmpty()) {
      store.endScopes(run.handle, ids);
      run.loopInstances.remove(scopeId);
    }
  }

  /** The counts of a body as the run knows them: {@code {nrOfInstances, nrOfCompletedInstances}}. */
  static int[] counts(Run run, Token instance) {
    return new int[] {
      intOf(run.scopeVariable(instance.scope, INSTANCES)),
      intOf(run.scopeVariable(instance.scope, COMPLETED))
    };
  }

  private static Map<String, TypedValue> loopValues(
      int loopCounter, String elementVariable, List<Object> elements) {
    Map<String, TypedValue> values = new LinkedHashMap<>();
    values.put(LOOP_COUNTER, TypedValue.fromJava(loopCounter));
    if (elementVariable != null && elements != null && loopCounter < elements.size()) {
      try {
        values.put(elementVariable, VariableValues.typed(elementVariable, elements.get(loopCounter)));
      } catch (ProcessEngineException e) {
        // an element of a class Tern cannot store stays in memory only (the interpreter's)
      }
    }
    return values;
  }

  private static VariableOwner bodyOwner(Run run, Token body) {
    return new VariableOwner(run.instance.id(), body.id, body.activityInstanceId);
  }

  /** A parallel instance's variables are stored under its execution, their history names the body. */
  private static VariableOwner instanceOwner(Run run, Token body, String instanceId) {
    return new VariableOwner(run.instance.id(), instanceId, instanceId, body.activityInstanceId);
  }

  private static void forget(Run run, String bodyId, List<String> instanceIds) {
    java.util.Set<String> started = run.loopInstances.get(bodyId);
    if (started != null) {
      instanceIds.forEach(started::remove);
    }
  }

  /** Keeps the run's copy of the body's locals (if it read them) equal to the stored ones. */
  private static void cache(Run run, String bodyId, Map<String, TypedValue> values) {
    Scope scope = run.scope(bodyId);
    if (scope.locals == null) {
      return;
    }
    Map<String, Object> locals = new HashMap<>(scope.locals);
    values.forEach((name, value) -> locals.put(name, VariableValues.plain(value)));
    scope.locals = locals;
    scope.stored.addAll(values.keySet());
  }

  private static int intOf(Map<String, TypedValue> locals, String name) {
    TypedValue value = locals.get(name);
    return value == null || value.value() == null ? 0 : ((Number) value.value()).intValue();
  }

  private static int intOf(java.util.Optional<Map.Entry<String, Object>> variable) {
    return variable.map(e -> ((Number) e.getValue()).intValue()).orElse(0);
  }
}
