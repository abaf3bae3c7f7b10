package dev.tern.engine.el;

import java.util.Optional;

/**
 * Where an expression's top-level identifiers come from. {@link #resolve} answers empty when the
 * name is unknown, so the expression fails with a clear message instead of evaluating to null.
 */
public interface VariableSource {

  /** The value of the identifier; {@code Optional.of(NULL)} stands for a known name whose value is null. */
  Optional<Object> resolve(String name);

  /** Stands for a known identifier whose value is null ({@link Optional} cannot hold null). */
  Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
}
