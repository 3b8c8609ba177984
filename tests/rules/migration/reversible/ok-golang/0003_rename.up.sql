ALTER TABLE members ADD CONSTRAINT uq_members_nickname UNIQUE (nickname);
ALTER TABLE members RENAME COLUMN nickname TO handle;
