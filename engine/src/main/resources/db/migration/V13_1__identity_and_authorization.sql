-- Tern's own user store (Camunda's identity API) and Camunda's authorizations.

CREATE TABLE tern_user (
  id              VARCHAR(64) PRIMARY KEY,
  first_name      VARCHAR(255),
  last_name       VARCHAR(255),
  email           VARCHAR(255),
  -- bcrypt hash (salt and cost inside); never the password
  password_hash   VARCHAR(100),
  -- failed logins since the last success; the login is refused until locked_until
  failed_logins   INTEGER NOT NULL DEFAULT 0,
  locked_until    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE tern_group (
  id         VARCHAR(64) PRIMARY KEY,
  name       VARCHAR(255),
  group_type VARCHAR(255)
);

CREATE TABLE tern_group_member (
  group_id VARCHAR(64) NOT NULL,
  user_id  VARCHAR(64) NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX tern_group_member_user ON tern_group_member (user_id);

CREATE TABLE tern_tenant (
  id   VARCHAR(64) PRIMARY KEY,
  name VARCHAR(255)
);

-- member_type U (user) or G (group)
CREATE TABLE tern_tenant_member (
  tenant_id   VARCHAR(64) NOT NULL,
  member_type CHAR(1) NOT NULL,
  member_id   VARCHAR(64) NOT NULL,
  PRIMARY KEY (tenant_id, member_type, member_id)
);
CREATE INDEX tern_tenant_member_member ON tern_tenant_member (member_type, member_id);

-- auth_type: 0 global, 1 grant, 2 revoke (Camunda's numbers); permissions is Camunda's bit mask
-- (a revoke stores the permissions that remain, so ALL minus the revoked bits)
CREATE TABLE tern_authorization (
  id                       VARCHAR(64) PRIMARY KEY,
  auth_type                INTEGER NOT NULL,
  user_id                  VARCHAR(255),
  group_id                 VARCHAR(255),
  resource_type            INTEGER NOT NULL,
  resource_id              VARCHAR(255) NOT NULL,
  permissions              INTEGER NOT NULL,
  removal_time             TIMESTAMP WITH TIME ZONE,
  root_process_instance_id VARCHAR(64),
  rev                      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tern_authorization_resource ON tern_authorization (resource_type, resource_id);
CREATE INDEX tern_authorization_user ON tern_authorization (user_id);
CREATE INDEX tern_authorization_group ON tern_authorization (group_id);
