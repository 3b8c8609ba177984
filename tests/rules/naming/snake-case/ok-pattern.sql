CREATE TABLE users (id uuid PRIMARY KEY, "displayName" text, "createdAt" timestamptz);
