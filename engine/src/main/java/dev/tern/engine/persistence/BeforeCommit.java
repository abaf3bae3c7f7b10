package dev.tern.engine.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Writes a transaction holds back until its work is done, so that several become one (a history
 * row inserted and completed in one transaction is inserted once, complete). {@link Database} runs
 * them when the transaction's callback returns, before it commits; a rollback drops them with the
 * handle. Each handle has its own (Jdbi copies the config per handle).
 */
public final class BeforeCommit implements JdbiConfig<BeforeCommit> {

  private final Map<Object, Runnable> actions = new LinkedHashMap<>();
  private final Map<Class<?>, Object> held = new HashMap<>();

  /** For Jdbi's config registry; use {@link #held}. */
  public BeforeCommit() {}

  @Override
  public BeforeCommit createCopy() {
    return new BeforeCommit();
  }

  /**
   * What this transaction holds back of one kind (its {@code type}), made by {@code factory} on
   * first use; {@code write} runs before the transaction commits.
   */
  public static <T> T held(Handle handle, Class<T> type, Supplier<T> factory, Consumer<T> write) {
    BeforeCommit scope = handle.getConfig(BeforeCommit.class);
    Object value = scope.held.get(type);
    if (value == null) {
      value = factory.get();
      scope.held.put(type, value);
    }
    T typed = type.cast(value);
    scope.actions.putIfAbsent(type, () -> write.accept(typed));
    return typed;
  }

  /** What this transaction holds back of one kind, if anything; registers nothing. */
  public static <T> java.util.Optional<T> peek(Handle handle, Class<T> type) {
    return java.util.Optional.ofNullable(type.cast(handle.getConfig(BeforeCommit.class).held.get(type)));
  }

  /** Runs what is registered, including what those actions register in turn. */
  static void runAll(Handle handle) {
    Map<Object, Runnable> actions = handle.getConfig(BeforeCommit.class).actions;
    while (!actions.isEmpty()) {
      List<Runnable> due = new ArrayList<>(actions.values());
      actions.clear();
      due.forEach(Runnable::run);
    }
  }
}
