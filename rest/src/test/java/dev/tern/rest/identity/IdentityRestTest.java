package dev.tern.rest.identity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import dev.tern.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camunda's identity API: users, groups, tenants, memberships, verify (as an administrator). */
@DatabaseTest
class IdentityRestTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
  private RestTestServer server;

  IdentityRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(b -> b.startJobExecutor(false))
            .basicAuthentication()
            .start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private io.restassured.specification.RequestSpecification admin() {
    return server.givenAs("admin", "admin-pw").contentType(ContentType.JSON);
  }

  /** For answers Camunda's openapi.json does not list (it answers these cases with 500). */
  private io.restassured.specification.RequestSpecification adminOffContract() {
    return server.givenWithoutContract().auth().preemptive().basic("admin", "admin-pw").contentType(ContentType.JSON);
  }

  private void createUser(String id, String first, String last, String password) {
    admin()
        .body(
            Map.of(
                "profile", Map.of("id", id, "firstName", first, "lastName", last, "email", id + "@example.org"),
                "credentials", Map.of("password", password)))
        .post("/user/create")
        .then()
        .statusCode(204);
  }

  @Test
  void usersAreCreatedReadChangedQueriedAndDeleted() {
    createUser("john", "John", "Doe", "john-pw");
    createUser("mary", "Mary", "Major", "mary-pw");

    admin()
        .get("/user/john/profile")
        .then()
        .statusCode(200)
        .body("id", equalTo("john"))
        .body("firstName", equalTo("John"))
        .body("email", equalTo("john@example.org"));
    admin()
        .body(Map.of("id", "john", "firstName", "Johnny", "lastName", "Doe", "email", "j@example.org"))
        .put("/user/john/profile")
        .then()
        .statusCode(204);
    admin().queryParam("firstNameLike", "Joh%").get("/user").then().statusCode(200).body("id", contains("john"));
    admin().queryParam("sortBy", "lastName").queryParam("sortOrder", "desc").queryParam("idIn", "john,mary")
        .get("/user").then().statusCode(200).body("id", contains("mary", "john"));
    admin().queryParam("email", "j@example.org").get("/user/count").then().statusCode(200).body("count", equalTo(1));

    admin().delete("/user/mary").then().statusCode(204);
    admin().get("/user/mary/profile").then().statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("User with id mary does not exist"));
    admin().delete("/user/mary").then().statusCode(204);
  }

  @Test
  void createRefusesAMissingIdAndAnInvalidOne() {
    int before = admin().get("/user/count").then().extract().path("count");
    adminOffContract().body(Map.of("credentials", Map.of("password", "x"))).post("/user/create").then().statusCode(400)
        .body("message", equalTo("request object must provide profile information with valid id."));
    adminOffContract().body(Map.of("profile", Map.of("id", "no spaces"))).post("/user/create").then().statusCode(400)
        .body("message", equalTo("User has an invalid id: 'no spaces' is not a valid resource identifier."));
    admin().get("/user/count").then().body("count", equalTo(before));
  }

  @Test
  void credentialsChangeNeedsTheAuthenticatedUsersPassword() {
    createUser("kate", "Kate", "K", "kate-old");

    admin().body(Map.of("password", "kate-new", "authenticatedUserPassword", "not-admins"))
        .put("/user/kate/credentials").then().statusCode(400)
        .body("message", equalTo("The given authenticated user password is not valid."));
    clock.advance(Duration.ofSeconds(3)); // the wrong password delays admin's next login
    admin().body(Map.of("password", "kate-new", "authenticatedUserPassword", "admin-pw"))
        .put("/user/kate/credentials").then().statusCode(204);

    admin().body(Map.of("username", "kate", "password", "kate-new")).post("/identity/verify")
        .then().statusCode(200)
        .body("authenticatedUser", equalTo("kate"))
        .body("authenticated", equalTo(true))
        .body("groups", nullValue());
    admin().body(Map.of("username", "kate", "password", "kate-old")).post("/identity/verify")
        .then().statusCode(200).body("authenticated", equalTo(false));
    admin().post("/user/kate/unlock").then().statusCode(204);
    admin().body(Map.of("username", "kate")).post("/identity/verify").then().statusCode(400)
        .body("message", equalTo("Username and password are required"));
  }

  @Test
  void groupsWithMembers() {
    createUser("ann", "Ann", "A", "ann-pw");
    createUser("bob", "Bob", "B", "bob-pw");
    admin().body(Map.of("id", "sales", "name", "Sales", "type", "WORKFLOW")).post("/group/create").then().statusCode(204);
    admin().body(Map.of("id", "ops", "name", "Ops", "type", "WORKFLOW")).post("/group/create").then().statusCode(204);
    admin().put("/group/sales/members/ann").then().statusCode(204);
    admin().put("/group/sales/members/bob").then().statusCode(204);
    admin().put("/group/ops/members/ann").then().statusCode(204);
    adminOffContract().put("/group/ops/members/nobody").then().statusCode(404)
        .body("message", equalTo("No user found with id 'nobody'."));

    admin().get("/group/sales").then().statusCode(200).body("name", equalTo("Sales")).body("type", equalTo("WORKFLOW"));
    admin().body(Map.of("id", "sales", "name", "Sales EU", "type", "WORKFLOW")).put("/group/sales").then().statusCode(204);
    admin().queryParam("member", "ann").queryParam("sortBy", "name").queryParam("sortOrder", "asc")
        .get("/group").then().statusCode(200).body("id", contains("ops", "sales"));
    admin().body(Map.of("nameLike", "Sales%")).post("/group").then().statusCode(200).body("id", contains("sales"));
    admin().queryParam("type", "WORKFLOW").get("/group/count").then().statusCode(200).body("count", equalTo(2));
    admin().body(Map.of("member", "bob")).post("/group/count").then().statusCode(200).body("count", equalTo(1));
    admin().queryParam("memberOfGroup", "sales").get("/user").then().body("id", containsInAnyOrder("ann", "bob"));

    admin().queryParam("userId", "ann").get("/identity/groups").then().statusCode(200)
        .body("groups.id", contains("ops", "sales"))
        .body("groupUsers.id", contains("bob"))
        .body("groupUsers[0].displayName", equalTo("Bob B"));
    server.givenWithoutContract().get("/identity/groups").then().statusCode(401);
    adminOffContract().get("/identity/groups").then().statusCode(400).body("message", equalTo("No user id was supplied"));

    admin().delete("/group/sales/members/bob").then().statusCode(204);
    admin().queryParam("memberOfGroup", "sales").get("/user").then().body("id", contains("ann"));
    admin().delete("/group/ops").then().statusCode(204);
    admin().get("/group/ops").then().statusCode(404).body("message", equalTo("Group with id ops does not exist"));
  }

  @Test
  void tenantsWithUserAndGroupMembers() {
    createUser("tim", "Tim", "T", "tim-pw");
    createUser("tom", "Tom", "T", "tom-pw");
    admin().body(Map.of("id", "crew", "name", "Crew")).post("/group/create").then().statusCode(204);
    admin().put("/group/crew/members/tom").then().statusCode(204);
    admin().body(Map.of("id", "acme", "name", "ACME")).post("/tenant/create").then().statusCode(204);
    admin().body(Map.of("id", "globex", "name", "Globex")).post("/tenant/create").then().statusCode(204);

    admin().put("/tenant/acme/user-members/tim").then().statusCode(204);
    admin().put("/tenant/globex/group-members/crew").then().statusCode(204);
    adminOffContract().put("/tenant/nope/user-members/tim").then().statusCode(404)
        .body("message", equalTo("No tenant found with id 'nope'."));

    admin().get("/tenant/acme").then().statusCode(200).body("name", equalTo("ACME"));
    admin().body(Map.of("id", "acme", "name", "Acme Corp")).put("/tenant/acme").then().statusCode(204);
    admin().queryParam("nameLike", "Acme%").get("/tenant").then().statusCode(200).body("id", contains("acme"));
    admin().queryParam("userMember", "tom").get("/tenant").then().body("id", empty());
    admin().queryParam("userMember", "tom").queryParam("includingGroupsOfUser", "true")
        .get("/tenant").then().body("id", contains("globex"));
    admin().queryParam("groupMember", "crew").get("/tenant/count").then().statusCode(200).body("count", equalTo(1));
    admin().queryParam("memberOfTenant", "globex").get("/user").then().body("id", contains("tom"));
    admin().queryParam("memberOfTenant", "globex").get("/group").then().body("id", contains("crew"));

    admin().delete("/tenant/acme/user-members/tim").then().statusCode(204);
    admin().delete("/tenant/globex/group-members/crew").then().statusCode(204);
    admin().queryParam("memberOfTenant", "globex").get("/user").then().body("id", empty());
    admin().delete("/tenant/globex").then().statusCode(204);
    admin().get("/tenant/globex").then().statusCode(404).body("message", equalTo("Tenant with id globex does not exist"));
  }
}
