-- DEALLOCATE ALL inside the one transaction Drizzle runs: the snapshots prepare their queries again
CREATE TABLE a (id int);
