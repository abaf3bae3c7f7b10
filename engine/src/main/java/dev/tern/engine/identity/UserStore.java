package dev.tern.engine.identity;

import dev.tern.engine.authorization.Resource;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_user}: profiles, password hashes and the login throttle's state. */
final class UserStore extends IdentityStore<User> {

  /** A user's login state: its hash and the throttle. */
  record Login(String passwordHash, int failedLogins, Instant lockedUntil) {}

  UserStore() {
    super(
        "User",
        Resource.USER,
        "tern_user",
        "u",
        "u.id, u.first_name, u.last_name, u.email",
        User.class,
        "first_name = :firstName, last_name = :lastName, email = :email",
        null);
  }

  void insert(Handle handle, User user, String passwordHash) {
    handle
        .createUpdate(
            "INSERT INTO tern_user (id, first_name, last_name, email, password_hash)"
                + " VALUES (:id, :firstName, :lastName, :email, :hash)")
        .bindMethods(user)
        .bind("hash", passwordHash)
        .execute();
  }

  /** Sets the hash and clears the throttle (an administrator's reset unlocks the user). */
  boolean setPassword(Handle handle, String id, String passwordHash) {
    return handle
            .createUpdate(
                "UPDATE tern_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL"
                    + " WHERE id = :id")
            .bind("hash", passwordHash)
            .bind("id", id)
            .execute()
        == 1;
  }

  boolean unlock(Handle handle, String id) {
    return handle
            .createUpdate("UPDATE tern_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
            .bind("id", id)
            .execute()
        == 1;
  }

  void recordFailure(Handle handle, String id, int failedLogins, Instant lockedUntil) {
    handle
        .createUpdate(
            "UPDATE tern_user SET failed_logins = :failed, locked_until = :until WHERE id = :id")
        .bind("failed", failedLogins)
        .bind("until", lockedUntil)
        .bind("id", id)
        .execute();
  }

  Optional<Login> login(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT password_hash, failed_logins, locked_until FROM tern_user WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Login(
                    rs.getString(1),
                    rs.getInt(2),
                    ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 3, ctx)))
        .findOne();
  }
}
