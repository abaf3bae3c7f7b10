package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signed session cookies: what any node sharing the secret accepts, and what none accepts. */
class SessionsTest {

  private static final byte[] SECRET =
      "a shared secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
  private final Set<String> users = new HashSet<>(Set.of("anna"));

  private Sessions node(byte[] secret) {
    return new Sessions(
        clock,
        Duration.ofMinutes(30),
        Duration.ofHours(12),
        secret,
        id ->
            users.contains(id)
                ? Optional.of(Caller.user(id, List.of(), List.of()))
                : Optional.empty(),
        null);
  }

  @Test
  void aSessionIssuedByOneNodeIsAcceptedByAnotherWithTheSameSecret() {
    Sessions.Issued issued = node(SECRET).create("anna");

    Sessions.Session elsewhere = node(SECRET).find(issued.cookie()).orElseThrow().session();

    assertThat(elsewhere.caller().userId()).isEqualTo("anna");
    assertThat(elsewhere.id()).isEqualTo(issued.session().id());
    assertThat(elsewhere.csrfToken()).isEqualTo(issued.session().csrfToken());
    assertThat(
            node("another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8))
                .find(issued.cookie()))
        .isEmpty();
  }

  @Test
  void anAlteredOrMalformedCookieIsNoSession() {
    String cookie = node(SECRET).create("anna").cookie();
    String[] parts = cookie.split("\\.");
    String asSomeoneElse =
        String.join(
            ".", parts[0], "YWRtaW4", parts[2], parts[3], parts[4]); // "admin", signature of anna

    assertThat(node(SECRET).find(asSomeoneElse)).isEmpty();
    assertThat(node(SECRET).find(cookie + "x")).isEmpty();
    assertThat(node(SECRET).find("not.a.session")).isEmpty();
    assertThat(node(SECRET).find(null)).isEmpty();
  }

  @Test
  void anAnonymousSessionHasNoCallerUntilSignIn() {
    Sessions.Issued anonymous = node(SECRET).create(null);

    assertThat(node(SECRET).find(anonymous.cookie()).orElseThrow().session().caller()).isNull();
    assertThat(node(SECRET).create(null).session().csrfToken())
        .isNotEqualTo(anonymous.session().csrfToken());
  }

  @Test
  void aSessionEndsWhenIdleAndUseKeepsItAliveUntilItsLifetime() {
    Sessions sessions = node(SECRET);
    String cookie = sessions.create("anna").cookie();

    clock.advance(Duration.ofSeconds(30));
    assertThat(sessions.find(cookie).orElseThrow().cookie()).as("seen a moment ago").isNull();

    for (int i = 0; i < 24; i++) {
      clock.advance(Duration.ofMinutes(29));
      Sessions.Issued seen = sessions.find(cookie).orElseThrow();
      assertThat(seen.cookie()).isNotNull();
      cookie = seen.cookie();
    }
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(cookie)).as("older than 12 hours").isEmpty();

    String idle = sessions.create("anna").cookie();
    clock.advance(Duration.ofMinutes(31));
    assertThat(sessions.find(idle)).isEmpty();
  }

  @Test
  void aDeletedUsersSessionEnds() {
    String cookie = node(SECRET).create("anna").cookie();

    users.remove("anna");

    assertThat(node(SECRET).find(cookie)).isEmpty();
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> node("short".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
