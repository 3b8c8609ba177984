CREATE TABLE notes (
    id uuid PRIMARY KEY,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
-- not what keeps updated_at current: AFTER, statement-level, INSERT only
CREATE TABLE tasks (id uuid PRIMARY KEY, updated_at timestamptz);
CREATE TRIGGER trg_tasks_after AFTER UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_tasks_stmt BEFORE UPDATE ON tasks EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER trg_tasks_insert BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- a trigger that is dropped no longer counts
CREATE TABLE labels (id uuid PRIMARY KEY, updated_at timestamptz);
CREATE TRIGGER trg_labels BEFORE UPDATE ON labels FOR EACH ROW EXECUTE FUNCTION set_updated_at();
DROP TRIGGER trg_labels ON labels;
