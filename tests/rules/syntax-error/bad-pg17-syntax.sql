CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb, happened_at timestamptz, total int, doubled int GENERATED ALWAYS AS (total * 2) STORED);
CREATE TABLE staged_events (id uuid PRIMARY KEY, payload jsonb);
-- SQL/JSON query functions and JSON_TABLE
CREATE VIEW event_items AS
    SELECT e.id, j.sku FROM events e, JSON_TABLE(e.payload, '$.items[*]' COLUMNS (sku text PATH '$.sku')) AS j;
CREATE VIEW event_kinds AS SELECT JSON_VALUE(payload, '$.kind' RETURNING text) AS kind FROM events;
CREATE VIEW event_tags AS SELECT JSON_QUERY(payload, '$.tags' WITH WRAPPER) AS tags FROM events;
CREATE VIEW event_flags AS SELECT JSON_EXISTS(payload, '$.flag' ERROR ON ERROR) AS flagged FROM events;
CREATE VIEW event_raw AS SELECT JSON_SERIALIZE(payload RETURNING bytea) AS raw FROM events;
CREATE VIEW event_checked AS SELECT JSON(payload::text WITH UNIQUE KEYS) AS checked FROM events;
-- MERGE ... RETURNING, also in WITH, and WHEN NOT MATCHED BY SOURCE
MERGE INTO events e USING staged_events s ON e.id = s.id
    WHEN NOT MATCHED THEN INSERT (id, payload) VALUES (s.id, s.payload)
    RETURNING merge_action(), e.id;
WITH merged AS (
    MERGE INTO events e USING staged_events s ON e.id = s.id
    WHEN MATCHED THEN UPDATE SET payload = s.payload
    RETURNING e.id
) SELECT count(*) FROM merged;
MERGE INTO events e USING staged_events s ON e.id = s.id
    WHEN NOT MATCHED BY SOURCE THEN DELETE;
-- AT LOCAL, and ALTER COLUMN ... SET EXPRESSION
CREATE VIEW local_events AS SELECT id, happened_at AT LOCAL AS local_time FROM events;
ALTER TABLE events ALTER COLUMN doubled SET EXPRESSION AS (total * 3);
