package dev.tern.rest.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestResource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DatabaseTest
class CamundaContractRestTest {

  private final TestDatabase db;

  CamundaContractRestTest(TestDatabase db) {
    this.db = db;
  }

  private RestTestServer serving(RestResource resource) {
    return RestTestServer.builder(db).resources(engine -> List.of(resource)).start();
  }

  @Test
  void responseWithAWrongTypeFailsTheTest() {
    try (RestTestServer server =
        serving(routes -> routes.get("/version", ctx -> ctx.json(Map.of("version", 7))))) {
      assertThatThrownBy(() -> server.given().when().get("/version"))
          .isInstanceOf(CamundaContract.ContractViolation.class)
          .hasMessageContaining("/version");
    }
  }

  @Test
  void undocumentedStatusFailsTheTest() {
    try (RestTestServer server =
        serving(routes -> routes.get("/version", ctx -> ctx.status(202).json(Map.of())))) {
      assertThatThrownBy(() -> server.given().when().get("/version"))
          .isInstanceOf(CamundaContract.ContractViolation.class)
          .hasMessageContaining("validation.response.status.unknown");
    }
  }

  @Test
  void requestBreakingTheContractFailsAStrictTest() {
    try (RestTestServer server =
        serving(routes -> routes.get("/job", ctx -> ctx.json(List.of())))) {
      assertThatThrownBy(() -> server.given().queryParam("maxResults", "ten").when().get("/job"))
          .isInstanceOf(CamundaContract.ContractViolation.class);
      server.givenInvalidRequest().queryParam("maxResults", "ten").when().get("/job").then().statusCode(200);
    }
  }

  @Test
  void camundaDatesAndNullsPassTheContract() {
    Map<String, Object> job = new HashMap<>();
    job.put("id", "j1");
    job.put("dueDate", Instant.parse("2026-01-02T03:04:05Z"));
    job.put("createTime", Instant.parse("2026-01-02T03:04:05.123Z"));
    job.put("exceptionMessage", null);
    job.put("retries", 3);
    job.put("suspended", false);
    try (RestTestServer server =
        serving(routes -> routes.get("/job/{id}", ctx -> ctx.json(job)))) {
      server
          .given()
          .when()
          .get("/job/j1")
          .then()
          .statusCode(200)
          .body("dueDate", equalTo("2026-01-02T03:04:05.000+0000"))
          .body("createTime", equalTo("2026-01-02T03:04:05.123+0000"))
          .body("containsKey('exceptionMessage')", equalTo(true));
    }
  }
}
