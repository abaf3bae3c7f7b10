package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda's tenant check with authentication on: whatever the authorizations, a user's queries
 * return the rows of its tenants and the rows of no tenant; administrators see every tenant.
 */
@DatabaseTest
class TenantFilteringRestTest {

  private static final int PROCESS_DEFINITION = 6;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private final String tenant = "t" + System.nanoTime();
  private String shared;
  private String owned;

  TenantFilteringRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    fx.server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "orderSync.bpmn",
                        AuthorizationFixture.PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withTenantId(tenant));
    shared = fx.start();
    owned =
        fx.server.engine().runtimeService().startProcessInstanceByKey(KEY, tenant, null, Map.of()).id();
    fx.as("admin").body(Map.of("id", tenant, "name", "Tenant")).post("/tenant/create").then().statusCode(204);
    fx.grant(PROCESS_DEFINITION, "*", "READ", "READ_INSTANCE", "UPDATE_INSTANCE", "READ_HISTORY");
    for (String instance : new String[] {shared, owned}) {
      fx.as("admin").post("/job/" + fx.jobOf(instance) + "/execute").then().statusCode(204);
    }
    fx.start();
    fx.server.engine().runtimeService().startProcessInstanceByKey(KEY, tenant, null, Map.of());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private void sees(String path, String... tenantIds) {
    fx.as(worker).get(path).then().statusCode(200)
        .body("tenantId", containsInAnyOrder(Arrays.stream(tenantIds).toArray()));
  }

  @Test
  void aUserSeesRowsOfNoTenantUntilItJoinsOne() {
    sees("/external-task", (String) null);
    sees("/job", (String) null);
    fx.as(worker).queryParam("processDefinitionKey", KEY).get("/history/job-log").then().statusCode(200)
        .body("tenantId", hasItem(nullValue())).body("tenantId", everyItem(nullValue()));
    fx.as(worker).queryParam("processDefinitionKey", KEY).get("/job-definition").then().statusCode(200)
        .body("tenantId", hasItem(nullValue())).body("tenantId", everyItem(nullValue()));
    fx.as("admin").get("/external-task").then().body("tenantId", containsInAnyOrder(null, tenant));
    sees("/process-instance", null, null);
    fx.as(worker).body(Map.of("processDefinitionKey", KEY)).post("/history/process-instance").then()
        .statusCode(200).body("tenantId", everyItem(nullValue()));

    fx.as("admin").put("/tenant/" + tenant + "/user-members/" + worker).then().statusCode(204);

    sees("/external-task", null, tenant);
    sees("/job", null, tenant);
    sees("/process-instance", null, null, tenant, tenant);
    fx.as(worker).queryParam("tenantIdIn", tenant).get("/job-definition/count").then()
        .body("count", equalTo(1));
    fx.as(worker).queryParam("tenantIdIn", tenant).get("/history/job-log/count").then()
        .body("count", org.hamcrest.Matchers.greaterThan(0));
  }
}
