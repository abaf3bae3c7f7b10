package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class VariableStoreTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  private final Database database;
  private VariableStore store;

  VariableStoreTest(TestDatabase db) {
    this.database = db.database();
  }

  @BeforeEach
  void setUp() {
    new InstanceFixture(database).clear();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store = new VariableStore(clock, new Ids(clock));
    database.useTransaction(
        h ->
            h.execute(
                "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, tenant_id,"
                    + " start_time, root_process_instance_id) VALUES ('pi1', 'def:1', 'def', 't1',"
                    + " ?, 'pi1')",
                java.time.OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)));
  }

  private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
    return database.withHandle(callback);
  }

  @Test
  void everyValueTypeRoundTrips() {
    Map<String, TypedValue> values = new LinkedHashMap<>();
    values.put("s", TypedValue.fromJava("hello"));
    values.put("longString", TypedValue.fromJava("x".repeat(5000)));
    values.put("b", TypedValue.fromJava(true));
    values.put("i", TypedValue.fromJava(42));
    values.put("sh", TypedValue.fromJava((short) 7));
    values.put("l", TypedValue.fromJava(1L << 40));
    values.put("d", TypedValue.fromJava(3.25));
    values.put("date", TypedValue.fromJava(Instant.parse("2025-05-06T07:08:09.123Z")));
    values.put("json", TypedValue.json("{\"a\":[1,2]}"));
    values.put("n", TypedValue.nullValue());
    values.put("typedNull", TypedValue.of(ValueType.STRING, null));

    database.useTransaction(h -> store.setAll(h, "pi1", values));

    Map<String, TypedValue> read = read(h -> store.all(h, "pi1"));
    assertThat(read).isEqualTo(values);
    assertThat(read.keySet()).containsExactlyElementsOf(new java.util.TreeSet<>(values.keySet()));
    Optional<TypedValue> i = read(h -> store.get(h, "pi1", "i"));
    Optional<TypedValue> missing = read(h -> store.get(h, "pi1", "missing"));
    assertThat(i).contains(TypedValue.fromJava(42));
    assertThat(missing).isEmpty();
  }

  @Test
  void settingAnExistingNameUpdatesValueTypeAndHistory() {
    database.useTransaction(h -> store.set(h, "pi1", "x", TypedValue.fromJava("a")));
    database.useTransaction(h -> store.set(h, "pi1", "x", TypedValue.fromJava(5L)));

    Optional<TypedValue> x = read(h -> store.get(h, "pi1", "x"));
    assertThat(x).contains(TypedValue.fromJava(5L));
    Map<String, Object> row =
        read(
            h -> h.createQuery("SELECT rev FROM tern_variable WHERE name = 'x'").mapToMap().one());
    assertThat(((Number) row.get("rev")).intValue()).isEqualTo(2);
    Map<String, Object> history =
        read(
            h ->
                h.createQuery(
                        "SELECT var_type, long_value, state, proc_def_key, tenant_id"
                            + " FROM tern_hi_variable WHERE name = 'x'")
                    .mapToMap()
                    .one());
    assertThat(history)
        .containsEntry("var_type", "long")
        .containsEntry("state", "CREATED")
        .containsEntry("proc_def_key", "def")
        .containsEntry("tenant_id", "t1");
    assertThat(((Number) history.get("long_value")).longValue()).isEqualTo(5L);
  }

  @Test
  void deleteRemovesRuntimeRowsAndMarksHistoryDeleted() {
    database.useTransaction(
        h ->
            store.setAll(
                h, "pi1", Map.of("a", TypedValue.fromJava(1), "b", TypedValue.fromJava(2))));

    int removed = database.inTransaction(h -> store.delete(h, "pi1", List.of("a", "nope")));

    assertThat(removed).isEqualTo(1);
    Map<String, TypedValue> left = read(h -> store.all(h, "pi1"));
    assertThat(left).containsOnlyKeys("b");
    List<Map<String, Object>> history =
        read(
            h ->
                h.createQuery("SELECT name, state FROM tern_hi_variable ORDER BY name")
                    .mapToMap()
                    .list());
    assertThat(history)
        .extracting(m -> m.get("name") + "=" + m.get("state"))
        .containsExactly("a=DELETED", "b=CREATED");
  }
}
