CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, CHECK (emial <> ''));
CREATE INDEX idx_users_email_address ON users (email_address);
CREATE INDEX idx_users_lower_email ON users (lower(emale)) INCLUDE (nmae) WHERE deletd_at IS NULL;
ALTER TABLE users ALTER COLUMN nme SET NOT NULL;
ALTER TABLE users RENAME COLUMN mail TO email2;
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid,
    CONSTRAINT fk_orders_user FOREIGN KEY (usr_id) REFERENCES users (uid),
    UNIQUE (user_id, nonexistent)
);
CREATE TABLE keyless (code text);
CREATE TABLE refs (id uuid PRIMARY KEY, code text REFERENCES keyless);
CREATE TRIGGER trg_users BEFORE UPDATE OF emailz ON users FOR EACH ROW EXECUTE FUNCTION f();
DROP TABLE orders;
CREATE INDEX idx_orders_user_id ON orders (user_id);
ALTER TABLE orders ADD COLUMN note text;
