package dev.tern.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camunda's precedence: user over group over global; resource id over {@code *}; grant over revoke. */
@DatabaseTest
class AuthorizerTest {

  private final Database database;
  private final Authorizer authorizer = new Authorizer();
  private final AuthorizationStore store = new AuthorizationStore();
  private final Caller ann = Caller.user("ann", List.of("staff"), List.of());

  AuthorizerTest(TestDatabase db) {
    this.database = db.database();
  }

  @BeforeEach
  void clear() {
    database.useTransaction(h -> h.execute("DELETE FROM tern_authorization"));
  }

  private void add(int type, String user, String group, String resourceId, Permission... permissions) {
    int bits = type == Authorization.REVOKE ? Permission.ALL.bits() : 0;
    for (Permission p : permissions) {
      bits = type == Authorization.REVOKE ? bits & ~p.bits() : bits | p.bits();
    }
    Authorization a =
        new Authorization(
            UUID.randomUUID().toString(), type, user, group, Resource.PROCESS_INSTANCE.type(),
            resourceId, bits, null, null);
    database.useTransaction(h -> store.insert(h, a));
  }

  private boolean canRead(String instanceId) {
    return granted(ann, PermissionCheck.of(Permission.READ, Resource.PROCESS_INSTANCE, instanceId));
  }

  private boolean granted(Caller caller, PermissionCheck check) {
    Boolean granted = database.withHandle(h -> authorizer.granted(h, caller, check));
    return granted;
  }

  @Test
  void nothingGrantedMeansDenied() {
    assertThat(canRead("pi-1")).isFalse();
    assertThat(granted(Caller.SYSTEM, PermissionCheck.of(Permission.READ, Resource.PROCESS_INSTANCE, "pi-1"))).isTrue();
  }

  @Test
  void globalGrantAppliesToEveryone() {
    add(Authorization.GLOBAL, "*", null, "*", Permission.READ);
    assertThat(canRead("pi-1")).isTrue();
  }

  @Test
  void groupRevokeBeatsGlobalGrant() {
    add(Authorization.GLOBAL, "*", null, "*", Permission.READ);
    add(Authorization.REVOKE, null, "staff", "pi-1", Permission.READ);
    assertThat(canRead("pi-1")).isFalse();
    assertThat(canRead("pi-2")).isTrue();
  }

  @Test
  void userGrantBeatsGroupRevoke() {
    add(Authorization.REVOKE, null, "staff", "*", Permission.READ);
    add(Authorization.GRANT, "ann", null, "pi-1", Permission.READ);
    assertThat(canRead("pi-1")).isTrue();
    assertThat(canRead("pi-2")).isFalse();
  }

  @Test
  void specificRevokeBeatsWildcardGrantOfTheSameUser() {
    add(Authorization.GRANT, "ann", null, "*", Permission.READ);
    add(Authorization.REVOKE, "ann", null, "pi-1", Permission.READ);
    assertThat(canRead("pi-1")).isFalse();
    assertThat(canRead("pi-2")).isTrue();
  }

  @Test
  void revokeOfAnotherPermissionLeavesThisOne() {
    add(Authorization.GRANT, null, "staff", "*", Permission.READ);
    add(Authorization.REVOKE, "ann", null, "*", Permission.DELETE);
    assertThat(canRead("pi-1")).isTrue();
  }

  @Test
  void adminGroupPassesEveryCheck() {
    Caller admin = Caller.user("boss", List.of(Caller.ADMIN_GROUP), List.of());
    assertThat(granted(admin, PermissionCheck.of(Permission.DELETE, Resource.BATCH, "b"))).isTrue();
  }
}
