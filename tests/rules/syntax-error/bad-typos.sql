-- Real mistakes, some close to newer syntax: reported with PostgreSQL's message alone.
CREATE TABLE users (id uuid PRIMARY KEY,);
ALTER TABLE users ADD CONSTRAINT users_email_check CHEK (email <> '');
CREATE TABLE accounts (id int, twice int GENERATED ALWAYS AS (id * 2) STORD);
CREATE VIEW cards AS SELECT json_object('a', 1 +) FROM users;
CREATE TABLE notes (body text NOT NUL);
ALTER TABLE users ALTER COLUMN id SET DEFAULT 12abc;
ALTER TABLE users ALTER COLUMN id SET DEFAULT 1__000;
ALTER TABLE users ALTER COLUMN id SET DEFAULT 0x1G;
CREATE VIEW checked AS SELECT id IS JSN FROM users;
CREATE VIEW counted AS SELECT * FROM (SELECT 1) AS;
SELECT * FORM users;
