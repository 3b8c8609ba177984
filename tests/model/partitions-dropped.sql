-- What a partitioned table loses, its partitions lose: the copies of a key (named after each
-- partition), of a foreign key, of an index; a column's default on a partition is its own.
CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE p (id bigint PRIMARY KEY, org_id bigint REFERENCES orgs, x int) PARTITION BY RANGE (id);
CREATE INDEX p_org_id_idx ON p (org_id);
CREATE TABLE p1 PARTITION OF p (x DEFAULT 5) FOR VALUES FROM (0) TO (10);
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (id);
CREATE TABLE p2a PARTITION OF p2 FOR VALUES FROM (10) TO (15);
ALTER TABLE p DROP CONSTRAINT p_pkey;
ALTER TABLE p DROP CONSTRAINT p_org_id_fkey;
DROP INDEX p_org_id_idx;
ALTER TABLE p ALTER COLUMN x SET NOT NULL;
CREATE INDEX p1_id_idx ON p1 (id);
