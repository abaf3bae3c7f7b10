package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /process-instance/message-async} with authentication on: {@code CREATE} or {@code
 * CREATE_BATCH_CORRELATE_MESSAGE} on Batch, and the queries select only instances the caller may
 * read (named ids are taken as given, as in Camunda).
 */
@DatabaseTest
class MessageAsyncAuthorizationRestTest {

  private static final int BATCH = 13;
  private static final int PROCESS_DEFINITION = 6;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String instance;

  MessageAsyncAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    instance = fx.start();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void theBatchNeedsABatchPermissionAndQueriesSeeOnlyReadableInstances() {
    Map<String, Object> byId = Map.of("messageName", "M", "processInstanceIds", List.of(instance));
    Map<String, Object> byQuery =
        Map.of("messageName", "M", "processInstanceQuery", Map.of("processDefinitionKey", KEY));
    fx.refused(fx.offContractAs(fx.worker).body(byId), "POST", "/process-instance/message-async");

    fx.grant(BATCH, "*", "CREATE_BATCH_CORRELATE_MESSAGE");

    fx.as(fx.worker).body(byQuery).post("/process-instance/message-async").then().statusCode(400)
        .body("message", equalTo("Process instance ids cannot be empty: process instance ids is empty"));
    fx.as(fx.worker).body(byId).post("/process-instance/message-async").then().statusCode(200)
        .body("type", equalTo("correlate-message"));
    fx.grant(PROCESS_DEFINITION, KEY, "READ_INSTANCE");
    fx.as(fx.worker).body(byQuery).post("/process-instance/message-async").then().statusCode(200)
        .body("totalJobs", equalTo(1));
  }
}
