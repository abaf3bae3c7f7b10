package dev.tern.engine.identity;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorization;
import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.engine.authorization.AuthorizationStore;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import dev.tern.engine.query.FilterQuery;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Tern's user store (Camunda's identity service): users with hashed passwords, groups, tenants and
 * their memberships, and password checks with a per-user login throttle. Every method that
 * changes or reads identities takes the {@link Caller} and checks Camunda's authorizations.
 */
public final class IdentityService {

  /** Camunda's default whitelist for user, group and tenant ids. */
  private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9]+|camunda-admin");

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final Authorizer authorizer;
  private final AuthorizationStore authorizations;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final UserStore users = new UserStore();
  private final GroupStore groups = new GroupStore();
  private final TenantStore tenants = new TenantStore();
  private final VerifiedPasswords verified;

  /** bcrypt cost 10: about 50–100 ms per hash on a server core. */
  public static final int DEFAULT_HASH_COST = 10;

  public IdentityService(
      Database database,
      Clock clock,
      Ids ids,
      Authorizer authorizer,
      AuthorizationStore authorizations,
      int hashCost) {
    this(
        database, clock, ids, authorizer, authorizations, new PasswordHasher(hashCost),
        LoginThrottle.DEFAULT);
  }

  IdentityService(
      Database database,
      Clock clock,
      Ids ids,
      Authorizer authorizer,
      AuthorizationStore authorizations,
      PasswordHasher hasher,
      LoginThrottle throttle) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.authorizer = authorizer;
    this.authorizations = authorizations;
    this.hasher = hasher;
    this.throttle = throttle;
    this.verified = new VerifiedPasswords(clock);
  }

  // ------------------------------------------------------------------ authentication

  /**
   * The caller whose password this is, or empty. A user with failed logins is refused without a
   * password check until its throttle delay has passed, so guessing costs time per user.
   */
  public Optional<Caller> authenticate(String userId, String password) {
    if (userId == null || password == null || !checkPassword(userId, password)) {
      return Optional.empty();
    }
    return Optional.of(callerOf(userId));
  }

  /** Camunda's {@code checkPassword}, throttled per user. */
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    Instant now = clock.instant();
    Optional<UserStore.Login> login = database.withHandle(h -> users.login(h, userId));
    if (login.isPresent()
        && login.get().lockedUntil() != null
        && now.isBefore(login.get().lockedUntil())) {
      return false;
    }
    if (login.isPresent() && verified.contains(userId, password)) {
      return true;
    }
    boolean matches = hasher.matches(password, login.map(UserStore.Login::passwordHash).orElse(null));
    if (matches) {
      verified.add(userId, password);
    }
    if (login.isPresent()) {
      int failures = matches ? 0 : login.get().failedLogins() + 1;
      if (failures != login.get().failedLogins()) {
        database.useTransaction(
            h ->
                users.recordFailure(
                    h, userId, failures, failures == 0 ? null : throttle.lockedUntil(now, failures)));
      }
    }
    return matches;
  }

  /** The user with its groups and tenants, as authorization checks see it. */
  public Caller callerOf(String userId) {
    return database.withHandle(
        h -> Caller.user(userId, groups.groupIdsOf(h, userId), tenants.tenantIdsOf(h, userId)));
  }

  /**
   * Creates the administrator, or resets its password, and makes it a member of {@value
   * Caller#ADMIN_GROUP} (created when missing). For start-up, without authorization checks.
   */
  public void ensureAdministrator(String userId, String password) {
    validId("User", userId);
    String hash = hasher.hash(validPassword(password));
    database.useTransaction(
        h -> {
          verified.forget(userId);
          if (users.find(h, userId).isPresent()) {
            users.setPassword(h, userId, hash);
          } else {
            users.insert(h, new User(userId, null, null, null), hash);
            grant(h, userId, null, Resource.USER, userId, Permission.ALL);
          }
          if (groups.find(h, Caller.ADMIN_GROUP).isEmpty()) {
            groups.insert(h, new Group(Caller.ADMIN_GROUP, "camunda BPM Administrators", "SYSTEM"));
          }
          groups.addMember(h, Caller.ADMIN_GROUP, userId);
        });
  }

  // ------------------------------------------------------------------ users

  public void createUser(Caller caller, User profile, String password) {
    validId("User", profile.id());
    String hash = password == null ? null : hasher.hash(validPassword(password));
    create(
        caller,
        users,
        profile.id(),
        h -> {
          users.insert(h, profile, hash);
          grant(h, profile.id(), null, Resource.USER, profile.id(), Permission.ALL);
        });
  }

  /** The profile, if the caller may read it. */
  public Optional<User> findUser(Caller caller, String id) {
    return find(caller, users, new UserQuery().filters(), id);
  }

  public void updateProfile(Caller caller, String id, User profile) {
    update(caller, users, id, profile);
  }

  /**
   * Sets a password. As in Camunda, an authenticated caller must confirm with its own password
   * ({@code callerPassword}); the system needs none.
   */
  public void updatePassword(Caller caller, String id, String password, String callerPassword) {
    if (caller.userId() != null && !checkPassword(caller.userId(), callerPassword)) {
      throw new InvalidRequestException("The given authenticated user password is not valid.");
    }
    String hash = hasher.hash(validPassword(password));
    database.useTransaction(
        h -> {
          users.find(h, id).orElseThrow(() -> users.notFound(id));
          authorizer.check(h, caller, PermissionCheck.of(Permission.UPDATE, Resource.USER, id));
          users.setPassword(h, id, hash);
        });
    verified.forget(id);
  }

  /** Lifts a user's login throttle; administrators only, as in Camunda. */
  public void unlockUser(Caller caller, String id) {
    requireAdmin(caller);
    database.useTransaction(
        h -> {
          if (!users.unlock(h, id)) {
            throw users.notFound(id);
          }
        });
  }

  public void deleteUser(Caller caller, String id) {
    delete(
        caller,
        users,
        id,
        h -> {
          groups.removeUser(h, id);
          tenants.removeMemberEverywhere(h, TenantStore.USER, id);
          authorizations.deleteFor(h, id, null, Resource.USER, id);
        });
    verified.forget(id);
  }

  public UserQuery createUserQuery() {
    return new UserQuery();
  }

  public List<User> listUsers(Caller caller, UserQuery query, int first, int max) {
    return list(caller, users, query.filters(), first, max);
  }

  public long countUsers(Caller caller, UserQuery query) {
    return count(caller, users, query.filters());
  }

  // ------------------------------------------------------------------ groups

  public void createGroup(Caller caller, Group group) {
    validId("Group", group.id());
    create(
        caller,
        groups,
        group.id(),
        h -> {
          groups.insert(h, group);
          grant(h, null, group.id(), Resource.GROUP, group.id(), Permission.READ);
        });
  }

  public Optional<Group> findGroup(Caller caller, String id) {
    return find(caller, groups, new GroupQuery().filters(), id);
  }

  public void updateGroup(Caller caller, String id, Group group) {
    update(caller, groups, id, group);
  }

  public void deleteGroup(Caller caller, String id) {
    delete(
        caller,
        groups,
        id,
        h -> {
          tenants.removeMemberEverywhere(h, TenantStore.GROUP, id);
          authorizations.deleteFor(h, null, id, Resource.GROUP, id);
        });
  }

  public void addGroupMember(Caller caller, String groupId, String userId) {
    database.useTransaction(
        h -> {
          authorizer.check(
              h, caller, PermissionCheck.of(Permission.CREATE, Resource.GROUP_MEMBERSHIP, groupId));
          users.find(h, userId).orElseThrow(() -> noSuch("user", userId));
          groups.find(h, groupId).orElseThrow(() -> noSuch("group", groupId));
          groups.addMember(h, groupId, userId);
        });
  }

  public void removeGroupMember(Caller caller, String groupId, String userId) {
    database.useTransaction(
        h -> {
          authorizer.check(
              h, caller, PermissionCheck.of(Permission.DELETE, Resource.GROUP_MEMBERSHIP, groupId));
          groups.removeMember(h, groupId, userId);
        });
  }

  public GroupQuery createGroupQuery() {
    return new GroupQuery();
  }

  public List<Group> listGroups(Caller caller, GroupQuery query, int first, int max) {
    return list(caller, groups, query.filters(), first, max);
  }

  public long countGroups(Caller caller, GroupQuery query) {
    return count(caller, groups, query.filters());
  }

  // ------------------------------------------------------------------ tenants

  public void createTenant(Caller caller, Tenant tenant) {
    validId("Tenant", tenant.id());
    create(caller, tenants, tenant.id(), h -> tenants.insert(h, tenant));
  }

  public Optional<Tenant> findTenant(Caller caller, String id) {
    return find(caller, tenants, new TenantQuery().filters(), id);
  }

  public void updateTenant(Caller caller, String id, Tenant tenant) {
    update(caller, tenants, id, tenant);
  }

  public void deleteTenant(Caller caller, String id) {
    delete(
        caller, tenants, id, h -> authorizations.deleteFor(h, null, null, Resource.TENANT, id));
  }

  /** Adds a user to a tenant and grants it READ on the tenant, as Camunda's default provider. */
  public void addTenantUser(Caller caller, String tenantId, String userId) {
    addTenantMember(caller, tenantId, TenantStore.USER, userId);
  }

  public void addTenantGroup(Caller caller, String tenantId, String groupId) {
    addTenantMember(caller, tenantId, TenantStore.GROUP, groupId);
  }

  public void removeTenantUser(Caller caller, String tenantId, String userId) {
    removeTenantMember(caller, tenantId, TenantStore.USER, userId);
  }

  public void removeTenantGroup(Caller caller, String tenantId, String groupId) {
    removeTenantMember(caller, tenantId, TenantStore.GROUP, groupId);
  }

  public TenantQuery createTenantQuery() {
    return new TenantQuery();
  }

  public List<Tenant> listTenants(Caller caller, TenantQuery query, int first, int max) {
    return list(caller, tenants, query.filters(), first, max);
  }

  public long countTenants(Caller caller, TenantQuery query) {
    return count(caller, tenants, query.filters());
  }

  // ------------------------------------------------------------------ alike for all three

  /** Creates an identity with Camunda's checks: CREATE on its resource, then its id unused. */
  private <T extends Record> void create(
      Caller caller, IdentityStore<T> store, String id, Consumer<Handle> insert) {
    database.useTransaction(
        h -> {
          authorizer.check(h, caller, PermissionCheck.of(Permission.CREATE, store.resource()));
          if (store.find(h, id).isPresent()) {
            throw new InvalidRequestException(
                "The " + store.kind().toLowerCase(Locale.ROOT) + " " + id + " already exists");
          }
          insert.accept(h);
        });
  }

  private <T extends Record> Optional<T> find(
      Caller caller, IdentityStore<T> store, FilterQuery filters, String id) {
    filters.set("id", id);
    return list(caller, store, filters, 0, 1).stream().findFirst();
  }

  private <T extends Record> void update(
      Caller caller, IdentityStore<T> store, String id, T value) {
    database.useTransaction(
        h -> {
          store.find(h, id).orElseThrow(() -> store.notFound(id));
          authorizer.check(h, caller, PermissionCheck.of(Permission.UPDATE, store.resource(), id));
          store.update(h, id, value);
        });
  }

  /** Deletes an identity after {@code cleanup}; as Camunda, an unknown id does nothing. */
  private void delete(
      Caller caller, IdentityStore<?> store, String id, Consumer<Handle> cleanup) {
    database.useTransaction(
        h -> {
          if (store.find(h, id).isEmpty()) {
            return;
          }
          authorizer.check(h, caller, PermissionCheck.of(Permission.DELETE, store.resource(), id));
          cleanup.accept(h);
          store.delete(h, id);
        });
  }

  private <T extends Record> List<T> list(
      Caller caller, IdentityStore<T> store, FilterQuery filters, int first, int max) {
    readable(caller, filters, store);
    return database.withHandle(h -> store.list(h, filters, clock.instant(), first, max));
  }

  private long count(Caller caller, IdentityStore<?> store, FilterQuery filters) {
    readable(caller, filters, store);
    return database.withHandle(h -> filters.count(h, clock.instant()));
  }

  // ------------------------------------------------------------------ helpers

  private void addTenantMember(Caller caller, String tenantId, String type, String memberId) {
    database.useTransaction(
        h -> {
          authorizer.check(
              h, caller, PermissionCheck.of(Permission.CREATE, Resource.TENANT_MEMBERSHIP, tenantId));
          tenants.find(h, tenantId).orElseThrow(() -> noSuch("tenant", tenantId));
          boolean user = TenantStore.USER.equals(type);
          if (user) {
            users.find(h, memberId).orElseThrow(() -> noSuch("user", memberId));
          } else {
            groups.find(h, memberId).orElseThrow(() -> noSuch("group", memberId));
          }
          if (tenants.addMember(h, tenantId, type, memberId)) {
            grant(h, user ? memberId : null, user ? null : memberId, Resource.TENANT, tenantId, Permission.READ);
          }
        });
  }

  private void removeTenantMember(Caller caller, String tenantId, String type, String memberId) {
    database.useTransaction(
        h -> {
          authorizer.check(
              h, caller, PermissionCheck.of(Permission.DELETE, Resource.TENANT_MEMBERSHIP, tenantId));
          tenants.removeMember(h, tenantId, type, memberId);
        });
  }

  private void readable(Caller caller, FilterQuery filters, IdentityStore<?> store) {
    filters.restrict(
        authorizer.restriction(
            caller, new Authorizer.RowCheck(Permission.READ, store.resource(), store.idColumn())));
  }

  private void grant(
      Handle h, String userId, String groupId, Resource resource, String resourceId, Permission p) {
    authorizations.insert(
        h,
        new Authorization(
            ids.next(), Authorization.GRANT, userId, groupId, resource.type(), resourceId, p.bits(),
            null, null));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.unrestricted()) {
      throw AuthorizationException.adminRequired(caller.userId());
    }
  }

  private static void validId(String kind, String id) {
    if (id == null || !VALID_ID.matcher(id).matches() || id.length() > 64) {
      throw new InvalidRequestException(
          kind + " has an invalid id: '" + id + "' is not a valid resource identifier.");
    }
  }

  private static String validPassword(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidRequestException("The password must not be empty");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > PasswordHasher.MAX_PASSWORD_BYTES) {
      throw new InvalidRequestException(
          "The password is longer than " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes");
    }
    return password;
  }

  /** Camunda's message when a membership names an unknown user, group or tenant. */
  private static NotFoundException noSuch(String kind, String id) {
    return new NotFoundException("No " + kind + " found with id '" + id + "'.");
  }
}
