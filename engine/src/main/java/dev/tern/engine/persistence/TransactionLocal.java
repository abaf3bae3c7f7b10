package dev.tern.engine.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Values one transaction keeps for a later step of its own, by kind and key: a row read under a
 * lock early in the transaction, so that a later step need not read it again. Each handle has its
 * own (Jdbi copies the config per handle, and {@link Database} opens a handle per transaction).
 */
public final class TransactionLocal implements JdbiConfig<TransactionLocal> {

  private record Key(Class<?> type, String id) {}

  private final Map<Key, Object> values = new HashMap<>();

  /** For Jdbi's config registry; use {@link #put} and {@link #take}. */
  public TransactionLocal() {}

  @Override
  public TransactionLocal createCopy() {
    return new TransactionLocal();
  }

  public static <T> void put(Handle handle, Class<T> type, String id, T value) {
    handle.getConfig(TransactionLocal.class).values.put(new Key(type, id), value);
  }

  /** The value kept under this kind and key, removed: each is used once. */
  public static <T> Optional<T> take(Handle handle, Class<T> type, String id) {
    return Optional.ofNullable(
        type.cast(handle.getConfig(TransactionLocal.class).values.remove(new Key(type, id))));
  }
}
