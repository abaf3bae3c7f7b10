package dev.tern.engine.runtime;

import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Binds a typed value to the value columns every variable table shares ({@code :type}, {@code
 * :text}, {@code :long}, {@code :double}, {@code :clob}, {@code :info}, {@code :bytes}), as {@link
 * VariableStore} stores it.
 */
public final class ValueBinds {

  private ValueBinds() {}

  public static <S extends SqlStatement<S>> S bind(S statement, TypedValue value) {
    Map<String, Object> binds = VariableStore.valueBinds(value);
    return statement
        .bind("type", (String) binds.get("type"))
        .bind("text", (String) binds.get("text"))
        .bind("long", (Long) binds.get("long"))
        .bind("double", (Double) binds.get("double"))
        .bind("clob", (String) binds.get("clob"))
        .bind("info", (String) binds.get("info"))
        .bind("bytes", (byte[]) binds.get("bytes"));
  }
}
