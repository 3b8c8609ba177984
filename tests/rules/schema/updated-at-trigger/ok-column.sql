CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.modified_at := now(); RETURN NEW; END $$;
CREATE TABLE tasks (id uuid PRIMARY KEY, modified_at timestamptz NOT NULL DEFAULT now());
CREATE TRIGGER trg_tasks_modified_at BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TABLE labels (id uuid PRIMARY KEY, updated_at timestamptz);
