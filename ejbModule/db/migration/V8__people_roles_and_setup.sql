-- People and roles (issue 13): accounts an administrator turned off, API tokens limited to a scope, and
-- the one-time token that makes the first administrator of a fresh deployment.

-- A deactivated account cannot log in in any way; its API tokens and mailed links were revoked with it.
ALTER TABLE person ADD COLUMN active boolean NOT NULL DEFAULT true;

-- What a token may do: FULL, whatever its holder may do; PUBLISH, only import publications.
ALTER TABLE api_token ADD COLUMN scope varchar(20) NOT NULL DEFAULT 'FULL';

-- The setup token: one row at most (id 1), made while no administrator exists and deleted when it is
-- used. Only its SHA-256 is kept, so a copy of this table opens nothing. Using it deletes the row, so of
-- two setups at once the second finds nothing to delete and creates no administrator.
CREATE TABLE setup_token (
    id            bigint      PRIMARY KEY DEFAULT 1 CONSTRAINT setup_token_single_row CHECK (id = 1),
    token_hash    char(64)    NOT NULL,
    date_created  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

-- The active administrators are read, and locked, on every change of roles or of an account's state.
CREATE INDEX person_active_admin_idx ON person (id) WHERE mirror_admin AND active;
