package dev.tern.engine.identity;

import dev.tern.engine.query.FilterQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_user}: profiles, password hashes and the login throttle's state. */
final class UserStore {

  /** A user's login state: its hash and the throttle. */
  record Login(String passwordHash, int failedLogins, Instant lockedUntil) {}

  static final String COLUMNS = "u.id, u.first_name, u.last_name, u.email";

  void insert(Handle handle, User user, String passwordHash) {
    handle
        .createUpdate(
            "INSERT INTO tern_user (id, first_name, last_name, email, password_hash)"
                + " VALUES (:id, :firstName, :lastName, :email, :hash)")
        .bindMethods(user)
        .bind("hash", passwordHash)
        .execute();
  }

  boolean updateProfile(Handle handle, String id, User profile) {
    return handle
            .createUpdate(
                "UPDATE tern_user SET first_name = :firstName, last_name = :lastName,"
                    + " email = :email WHERE id = :oldId")
            .bindMethods(profile)
            .bind("oldId", id)
            .execute()
        == 1;
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

  boolean delete(Handle handle, String id) {
    return handle.createUpdate("DELETE FROM tern_user WHERE id = :id").bind("id", id).execute() == 1;
  }

  Optional<User> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_user u WHERE u.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
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

  List<User> list(Handle handle, FilterQuery query, Instant now, int first, int max) {
    return query.list(handle, COLUMNS, (rs, ctx) -> map(rs), now, first, max);
  }

  private static User map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
