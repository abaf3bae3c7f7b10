package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.ParameterValue;
import dev.tern.engine.el.Expressions;
import dev.tern.engine.el.VariableSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the value of an input/output parameter: text with {@code ${…}} is evaluated, other text
 * is taken as is, maps and lists are built entry by entry.
 */
final class ParameterValues {

  private final Expressions expressions;

  ParameterValues(Expressions expressions) {
    this.expressions = expressions;
  }

  Expressions expressions() {
    return expressions;
  }

  Object value(ParameterValue value, VariableSource variables) {
    if (value instanceof ParameterValue.Text t) {
      return Expressions.isExpression(t.text()) ? expressions.evaluate(t.text(), variables) : t.text();
    }
    if (value instanceof ParameterValue.MapValue m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.entries().forEach((key, entry) -> map.put(key, value(entry, variables)));
      return map;
    }
    if (value instanceof ParameterValue.ListValue l) {
      List<Object> list = new ArrayList<>();
      l.items().forEach(item -> list.add(value(item, variables)));
      return list;
    }
    return null;
  }
}
