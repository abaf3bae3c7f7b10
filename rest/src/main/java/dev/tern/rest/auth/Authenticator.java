package dev.tern.rest.auth;

import dev.tern.engine.authorization.Caller;
import java.util.Optional;

/** Checks a user name and password; the caller they belong to, or empty. */
@FunctionalInterface
public interface Authenticator {
  Optional<Caller> authenticate(String userId, String password);
}
