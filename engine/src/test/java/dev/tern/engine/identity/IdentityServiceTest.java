package dev.tern.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class IdentityServiceTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
  private ProcessEngine engine;
  private IdentityService identity;

  IdentityServiceTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .passwordHashCost(4)
            .build();
    identity = engine.identityService();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void passwordsAreStoredAsSaltedBcryptHashes() {
    identity.createUser(Caller.SYSTEM, new User("hashA", "A", "B", "a@b.c"), "correct horse");
    identity.createUser(Caller.SYSTEM, new User("hashB", null, null, null), "correct horse");

    String a = hashOf("hashA");
    String b = hashOf("hashB");
    assertThat(a).startsWith("$2a$04$").doesNotContain("correct horse");
    assertThat(b).isNotEqualTo(a);
    assertThat(identity.authenticate("hashA", "correct horse")).isPresent();
    assertThat(identity.authenticate("hashA", "correct horsf")).isEmpty();
    assertThat(identity.authenticate("nobody", "correct horse")).isEmpty();
  }

  @Test
  void failedLoginsRefuseEvenTheRightPasswordForADoublingDelay() {
    identity.createUser(Caller.SYSTEM, new User("throttled", null, null, null), "right-password");

    assertThat(identity.checkPassword("throttled", "wrong")).isFalse();
    assertThat(identity.checkPassword("throttled", "right-password")).isFalse();
    clock.advance(Duration.ofSeconds(3));
    assertThat(identity.checkPassword("throttled", "wrong")).isFalse();
    assertThat(identity.checkPassword("throttled", "wrong")).isFalse(); // refused, not counted
    clock.advance(Duration.ofSeconds(5));
    assertThat(identity.checkPassword("throttled", "right-password")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(identity.checkPassword("throttled", "right-password")).isTrue();
    assertThat(identity.checkPassword("throttled", "wrong")).isFalse();
    clock.advance(Duration.ofSeconds(3));
    assertThat(identity.checkPassword("throttled", "right-password")).isTrue();
  }

  @Test
  void administratorIsCreatedOrResetAndIsUnrestricted() {
    identity.ensureAdministrator("boss", "first-password");
    identity.ensureAdministrator("boss", "second-password");

    assertThat(identity.authenticate("boss", "first-password")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    Caller boss = identity.authenticate("boss", "second-password").orElseThrow();
    assertThat(boss.groupIds()).containsExactly(Caller.ADMIN_GROUP);
    assertThat(boss.unrestricted()).isTrue();
  }

  @Test
  void changedPasswordReplacesARecentlyVerifiedOne() {
    identity.createUser(Caller.SYSTEM, new User("changer", null, null, null), "old-password");
    assertThat(identity.checkPassword("changer", "old-password")).isTrue();

    identity.updatePassword(Caller.SYSTEM, "changer", "new-password", null);

    assertThat(identity.checkPassword("changer", "new-password")).isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(identity.checkPassword("changer", "old-password")).isFalse();
  }

  @Test
  void userWithoutAuthorizationsCannotCreateUsers() {
    identity.createUser(Caller.SYSTEM, new User("plain", null, null, null), "plain-password");
    Caller plain = identity.callerOf("plain");

    assertThatThrownBy(() -> identity.createUser(plain, new User("other", null, null, null), "pw"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessage("The user with id 'plain' does not have 'CREATE' permission on resource 'User'.");
    assertThat(identity.findUser(Caller.SYSTEM, "other")).isEmpty();
  }

  @Test
  void aNewUserMayReadAndChangeItsOwnProfileOnly() {
    identity.createUser(Caller.SYSTEM, new User("selfA", null, null, null), "pw-a");
    identity.createUser(Caller.SYSTEM, new User("selfB", null, null, null), "pw-b");
    Caller a = identity.callerOf("selfA");

    identity.updateProfile(a, "selfA", new User("selfA", "Ann", "A", null));

    assertThat(identity.findUser(a, "selfA")).contains(new User("selfA", "Ann", "A", null));
    assertThat(identity.findUser(a, "selfB")).isEmpty();
    assertThat(identity.listUsers(a, identity.createUserQuery(), 0, 100))
        .extracting(User::id)
        .containsExactly("selfA");
    assertThatThrownBy(() -> identity.deleteUser(a, "selfB"))
        .isInstanceOf(AuthorizationException.class);
  }

  private String hashOf(String userId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT password_hash FROM tern_user WHERE id = :id")
                    .bind("id", userId)
                    .mapTo(String.class)
                    .one());
  }
}
