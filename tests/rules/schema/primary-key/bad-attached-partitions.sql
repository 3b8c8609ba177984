-- Partitions, made with PARTITION OF or attached (as pg_dump writes them), are judged once,
-- through their partitioned table: one finding for a parent without a key, none per partition.
CREATE TABLE measurements (sensor_id uuid NOT NULL, taken_on date NOT NULL, reading numeric) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurements_default (sensor_id uuid NOT NULL, taken_on date NOT NULL, reading numeric);
ALTER TABLE ONLY measurements ATTACH PARTITION measurements_default DEFAULT;
