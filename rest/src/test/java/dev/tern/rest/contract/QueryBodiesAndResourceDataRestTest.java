package dev.tern.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routes no other REST test validated against the contract (found by ContractConformanceCheck):
 * the POST forms of the job-definition and job-log queries, a resource's raw data, and starting the
 * latest definition of a key for a tenant.
 */
@DatabaseTest
class QueryBodiesAndResourceDataRestTest {

  private final RestTestServer server;

  QueryBodiesAndResourceDataRestTest(TestDatabase db) {
    this.server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonPath deploy(String fileName, byte[] content) {
    return server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "contract")
        .multiPart("data", fileName, content, "application/octet-stream")
        .when()
        .post("/deployment/create")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void jobDefinitionsAreQueriedAndCountedByPostBody() throws IOException {
    try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/order-sync.bpmn")) {
      deploy("order-sync.bpmn", bpmn.readAllBytes());
    }
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"activityIdIn\":[\"callDownstream\"],\"processDefinitionKey\":\"orderSync\"}")
        .when()
        .post("/job-definition")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].activityId", equalTo("callDownstream"))
        .body("[0].processDefinitionKey", equalTo("orderSync"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"activityIdIn\":[\"elsewhere\"]}")
        .when()
        .post("/job-definition/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"activityIdIn\":[\"callDownstream\"]}")
        .when()
        .post("/job-definition/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  @Test
  void startByKeyAndTenantStartsThatTenantsDefinition() throws IOException {
    byte[] xml;
    try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/order-sync.bpmn")) {
      xml = bpmn.readAllBytes();
    }
    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "tenant")
        .multiPart("tenant-id", "t1")
        .multiPart("data", "order-sync.bpmn", xml, "application/octet-stream")
        .when()
        .post("/deployment/create")
        .then()
        .statusCode(200);
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"businessKey\":\"order-7\"}")
        .when()
        .post("/process-definition/key/{key}/tenant-id/{tenantId}/start", "orderSync", "t1")
        .then()
        .statusCode(200)
        .body("businessKey", equalTo("order-7"))
        .body("tenantId", equalTo("t1"))
        .body("ended", equalTo(false));
  }

  @Test
  void jobLogIsQueriedAndCountedByPostBody() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"nope\"}")
        .when()
        .post("/history/job-log")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"nope\"}")
        .when()
        .post("/history/job-log/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void resourceDataOfAnUnknownFileTypeIsOctetStream() {
    byte[] content = "plain bytes".getBytes(StandardCharsets.UTF_8);
    JsonPath deployment = deploy("notes.bin", content);
    String id = deployment.getString("id");
    String resourceId =
        server.given().when().get("/deployment/{id}/resources", id).then().statusCode(200)
            .extract().jsonPath().getString("[0].id");
    byte[] data =
        server
            .given()
            .accept("application/octet-stream")
            .when()
            .get("/deployment/{id}/resources/{resourceId}/data", id, resourceId)
            .then()
            .statusCode(200)
            .contentType("application/octet-stream")
            .extract()
            .asByteArray();
    assertThat(data).isEqualTo(content);
  }
}
