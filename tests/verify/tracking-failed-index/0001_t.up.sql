-- a failed CREATE INDEX CONCURRENTLY leaves an invalid index no event trigger saw
CREATE TABLE t (a int);
INSERT INTO t VALUES (1), (1);
