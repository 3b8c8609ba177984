-- Columns and tables made in DO blocks exist for the statements after them.
CREATE TABLE queues (id uuid PRIMARY KEY);
DO $$ BEGIN
  ALTER TABLE queues ADD COLUMN is_done boolean;
EXCEPTION WHEN duplicate_column THEN NULL;
END $$;
CREATE INDEX idx_queues_is_done ON queues (is_done);
DO $$
DECLARE n integer;
BEGIN
  SELECT count(*) INTO n FROM queues;
  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'queue_events') THEN
    CREATE TABLE queue_events (id uuid PRIMARY KEY, queue_id uuid REFERENCES queues (id), payload jsonb);
  END IF;
END $$;
CREATE INDEX idx_queue_events_queue_id ON queue_events (queue_id);
ALTER TABLE queue_events ALTER COLUMN payload SET NOT NULL;
