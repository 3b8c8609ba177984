ALTER TABLE members RENAME COLUMN handle TO nickname;
ALTER TABLE members DROP CONSTRAINT uq_members_nickname;
