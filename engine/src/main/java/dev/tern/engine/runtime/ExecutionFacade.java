package dev.tern.engine.runtime;

import dev.tern.engine.el.VariableSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link DelegateExecution} of one token in one run; also the identifier source of the
 * expressions evaluated on that token: {@code execution}, the activity's locals, the process
 * variables, then the engine's named beans.
 */
public final class ExecutionFacade implements DelegateExecution, VariableSource {

  private final Run run;
  private final Token token;
  private final Map<String, Object> beans;
  private final Map<String, Object> extra;

  ExecutionFacade(Run run, Token token, Map<String, Object> beans) {
    this(run, token, beans, Map.of());
  }

  private ExecutionFacade(
      Run run, Token token, Map<String, Object> beans, Map<String, Object> extra) {
    this.run = run;
    this.token = token;
    this.beans = beans;
    this.extra = extra;
  }

  /** The same execution with extra identifiers that hide all others (e.g. a connector response). */
  ExecutionFacade with(Map<String, Object> extraIdentifiers) {
    return new ExecutionFacade(run, token, beans, extraIdentifiers);
  }

  @Override
  public Optional<Object> resolve(String name) {
    if (extra.containsKey(name)) {
      return Optional.of(orNull(extra.get(name)));
    }
    if ("execution".equals(name)) {
      return Optional.of(this);
    }
    if (token.locals.containsKey(name)) {
      return Optional.of(orNull(token.locals.get(name)));
    }
    if (token.scope != null) {
      var scoped = run.scopeVariable(token.scope, name);
      if (scoped.isPresent()) {
        return Optional.of(orNull(scoped.get().getValue()));
      }
    }
    Map<String, Object> variables = run.variables();
    if (variables.containsKey(name)) {
      return Optional.of(orNull(variables.get(name)));
    }
    if (beans.containsKey(name)) {
      return Optional.of(orNull(beans.get(name)));
    }
    return Optional.empty();
  }

  private static Object orNull(Object value) {
    return value == null ? VariableSource.NULL : value;
  }

  @Override
  public String getId() {
    return token.id;
  }

  @Override
  public String getProcessInstanceId() {
    return run.instance.id();
  }

  @Override
  public String getBusinessKey() {
    return run.instance.businessKey();
  }

  @Override
  public String getProcessBusinessKey() {
    return run.instance.businessKey();
  }

  @Override
  public String getProcessDefinitionId() {
    return run.instance.processDefinitionId();
  }

  @Override
  public String getTenantId() {
    return run.instance.tenantId();
  }

  @Override
  public String getActivityId() {
    return token.activityId;
  }

  @Override
  public String getCurrentActivityId() {
    return token.activityId;
  }

  @Override
  public String getCurrentActivityName() {
    return token.activityId == null
        ? null
        : run.process.model().findNode(token.activityId).map(n -> n.name()).orElse(null);
  }

  @Override
  public Object getVariable(String name) {
    if (token.locals.containsKey(name)) {
      return token.locals.get(name);
    }
    if (token.scope != null) {
      var scoped = run.scopeVariable(token.scope, name);
      if (scoped.isPresent()) {
        return scoped.get().getValue();
      }
    }
    return run.variables().get(name);
  }

  @Override
  public boolean hasVariable(String name) {
    return token.locals.containsKey(name)
        || (token.scope != null && run.scopeVariable(token.scope, name).isPresent())
        || run.variables().containsKey(name);
  }

  @Override
  public Map<String, Object> getVariables() {
    Map<String, Object> all = new LinkedHashMap<>(run.variables());
    java.util.Deque<Scope> chain = new java.util.ArrayDeque<>();
    for (Scope s = token.scope; s != null; s = s.parent) {
      if (s.locals == null) {
        run.scopeLoader.accept(s);
      }
      chain.push(s);
    }
    chain.forEach(s -> all.putAll(s.locals));
    all.putAll(token.locals);
    return all;
  }

  @Override
  public void setVariable(String name, Object value) {
    if (token.locals.containsKey(name)) {
      token.locals.put(name, value);
    } else if (token.scope == null || !run.scopeVariables.set(run, token.scope, name, value)) {
      run.setVariable(name, value);
    } else {
      run.variableChanges.add(new VariableChange(name, VariableChange.UPDATE));
    }
  }

  @Override
  public Object getVariableLocal(String name) {
    return token.locals.get(name);
  }

  @Override
  public void setVariableLocal(String name, Object value) {
    token.locals.put(name, value);
  }

  @Override
  public String toString() {
    return "Execution[" + token.id + " at " + token.activityId + "]";
  }
}
