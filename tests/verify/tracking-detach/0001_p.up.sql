-- DETACH PARTITION reports the parent only and removes the child's dependency: the child is read again all the same
CREATE TABLE p (id int NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE c PARTITION OF p FOR VALUES FROM (0) TO (10);
