package dev.tern.rest.identity;

import dev.tern.engine.identity.Group;
import dev.tern.engine.identity.Tenant;
import dev.tern.engine.identity.User;
import java.util.List;

/** Camunda's identity DTOs. */
final class IdentityDtos {

  private IdentityDtos() {}

  record UserProfileDto(String id, String firstName, String lastName, String email) {
    static UserProfileDto of(User u) {
      return new UserProfileDto(u.id(), u.firstName(), u.lastName(), u.email());
    }

    User toUser(String id) {
      return new User(id, firstName, lastName, email);
    }
  }

  record UserCredentialsDto(String password, String authenticatedUserPassword) {}

  record UserDto(UserProfileDto profile, UserCredentialsDto credentials) {}

  record GroupDto(String id, String name, String type) {
    static GroupDto of(Group g) {
      return new GroupDto(g.id(), g.name(), g.type());
    }
  }

  record TenantDto(String id, String name) {
    static TenantDto of(Tenant t) {
      return new TenantDto(t.id(), t.name());
    }
  }

  record BasicUserCredentialsDto(String username, String password) {}

  record AuthenticationResult(
      String authenticatedUser, boolean authenticated, List<String> tenants, List<String> groups) {}

  record IdentityServiceGroupDto(String id, String name) {}

  record IdentityServiceUserDto(String id, String firstName, String lastName, String displayName) {
    /** Camunda's display name: first and last name when both are set, else the id. */
    static IdentityServiceUserDto of(User u) {
      String display =
          u.firstName() != null && u.lastName() != null ? u.firstName() + " " + u.lastName() : u.id();
      return new IdentityServiceUserDto(u.id(), u.firstName(), u.lastName(), display);
    }
  }

  record IdentityServiceGroupInfoDto(
      List<IdentityServiceGroupDto> groups, List<IdentityServiceUserDto> groupUsers) {}
}
