CREATE TABLE users (id uuid PRIMARY KEY, email text);
--> statement-breakpoint
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
