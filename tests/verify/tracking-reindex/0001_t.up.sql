-- REINDEX fires no event trigger and CONCURRENTLY gives the index a new oid: a later DROP INDEX is still seen
CREATE TABLE t (a int);
CREATE INDEX i ON t (a);
