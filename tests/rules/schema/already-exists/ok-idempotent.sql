-- What PostgreSQL accepts: IF NOT EXISTS, a column dropped and added again in one ALTER TABLE (as
-- ORMs change a column's type), a constraint dropped and added again, the idempotent DO blocks.
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE IF NOT EXISTS users (id uuid PRIMARY KEY);
ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX IF NOT EXISTS idx_users_email ON users (email);
ALTER TABLE users DROP COLUMN age, ADD COLUMN age integer;
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0);
ALTER TABLE users DROP CONSTRAINT chk_users_age, ADD CONSTRAINT chk_users_age CHECK (age >= 18);
CREATE TYPE mood_enum AS ENUM ('happy', 'sad');
DO $$ BEGIN
    CREATE TYPE mood_enum AS ENUM ('happy', 'sad');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email') THEN
        ALTER TABLE users ADD COLUMN email text;
    END IF;
END $$;
-- a CHECK over several columns goes with any of them, so its name is free again
CREATE TABLE shipments (id uuid PRIMARY KEY, a int, b int, c int, CONSTRAINT shipments_check CHECK (num_nonnulls(a, b, c) = 1));
ALTER TABLE shipments DROP COLUMN c;
ALTER TABLE shipments ADD CONSTRAINT shipments_check CHECK (num_nonnulls(a, b) = 1);
