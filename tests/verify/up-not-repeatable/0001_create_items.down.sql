ALTER TABLE items DROP COLUMN note;
ALTER TABLE items ADD COLUMN legacy_code integer;
