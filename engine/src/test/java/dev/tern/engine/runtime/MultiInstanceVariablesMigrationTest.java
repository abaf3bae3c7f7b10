package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MigrationScript;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V44_1 gives a multi-instance body running at the upgrade its counts as variables, from the
 * columns it then drops: the columns are added back here, a running body's counts moved into
 * them, and the migration's statements run again.
 */
@DatabaseTest
class MultiInstanceVariablesMigrationTest {

  private static final String MIGRATION = "/db/migration/V44_1__multi_instance_variables.sql";

  private final ScopeEngine kit;

  MultiInstanceVariablesMigrationTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void aRunningBodysCountsBecomeItsLocalVariablesAndTheColumnsGo() {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<userTask id=\"act\"><multiInstanceLoopCharacteristics isSequential=\"false\">"
                + "<loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>",
            ""));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);
    kit.completeTask(kit.tasks(pi).get(0));
    kit.db.database()
        .useTransaction(
            h -> {
              h.execute("ALTER TABLE tern_execution ADD COLUMN nr_instances INTEGER");
              h.execute("ALTER TABLE tern_execution ADD COLUMN nr_completed INTEGER");
              h.execute("UPDATE tern_execution SET nr_instances = 3, nr_completed = 1 WHERE id = ?", body);
              h.execute("DELETE FROM tern_variable WHERE execution_id = ? AND name LIKE 'nrOf%'", body);
            });

    runMigration();

    assertThat(kit.engine.executions().localVariables(dev.tern.engine.authorization.Caller.SYSTEM, body))
        .containsOnlyKeys("nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances")
        .allSatisfy((name, value) -> assertThat(value.type()).isEqualTo(ValueType.INTEGER))
        .satisfies(
            locals -> {
              assertThat(locals.get("nrOfInstances").value()).isEqualTo(3);
              assertThat(locals.get("nrOfCompletedInstances").value()).isEqualTo(1);
              assertThat(locals.get("nrOfActiveInstances").value()).isEqualTo(2);
            });
    assertThat(kit.rows("SELECT * FROM tern_execution WHERE id = ?", body).get(0))
        .doesNotContainKeys("nr_instances", "NR_INSTANCES", "nr_completed", "NR_COMPLETED");

    kit.tasks(pi).forEach(kit::completeTask);

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  private void runMigration() {
    List<String> statements = MigrationScript.statements(MIGRATION);
    assertThat(statements).hasSize(3);
    MigrationScript.run(kit.db.database(), statements);
  }

}
