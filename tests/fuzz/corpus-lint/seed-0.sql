-- An example schema for `make demo`: it has problems on purpose, so most rules
-- have something to say. Run `build/ddlint examples/schema.sql`.

CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL UNIQUE,
    displayName text,                                -- naming/snake-case
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX idx_users_email ON users (email);      -- index/redundant: UNIQUE has one

CREATE TABLE orders (
    id serial PRIMARY KEY,                           -- types/primary-key-type
    user_id bigint NOT NULL REFERENCES users (id),   -- types/foreign-key-type, index/foreign-key
    total double precision NOT NULL,                 -- types/money
    note varchar,                                    -- types/varchar
    created_at timestamp NOT NULL DEFAULT now(),     -- types/timestamptz, schema/audit-columns
    updated_at timestamptz NOT NULL DEFAULT now()    -- schema/updated-at-trigger: no trigger
);

CREATE TABLE audit_log (                              -- schema/primary-key, schema/audit-columns
    happened_at timestamptz NOT NULL,
    details json,                                    -- types/jsonb
    deleted_at timestamptz                           -- schema/soft-delete: half a scheme
);
CREATE INDEX idx_audit_log_details ON audit_log (details_id);  -- schema/unknown-reference

CREATE TABLE coupons (
    id uuid PRIMARY KEY,
    code text NOT NULL,
);                                                   -- syntax-error: trailing comma
